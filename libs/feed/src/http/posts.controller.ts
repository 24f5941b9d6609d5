import { Authenticated, type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { PageQueryDto } from '@app/database';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Idempotent } from '@app/idempotency';
import { UserRateLimit } from '@app/rate-limit';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateCommentDto } from '../dto/create-comment.dto.js';
import { CreatePostDto } from '../dto/create-post.dto.js';
import { CreateReportDto, ReportResponse, toReportResponse } from '../dto/report.dto.js';
import { CommentPageResponse, CommentResponse, PostResponse, toCommentResponse, toPostResponse } from '../dto/post.response.js';
import { FeedService } from '../feed.service.js';

const POSTERS = ['resident', 'officer', 'agency_admin'] as const;

@ApiTags('feed')
@ApiBodyErrors()
@Serves('all')
@Controller('posts')
export class PostsController {
  constructor(private readonly feed: FeedService) {}

  @Post()
  @Roles(...POSTERS)
  @Idempotent()
  @UserRateLimit('posts', (config) => config.feed.posts, 'FEED_POST_RATE_LIMIT per FEED_RATE_WINDOW_SECONDS')
  @ApiOperation({
    summary: 'Posts to the neighbours feed: residents as a neighbour number, agency staff as their agency (verified)',
    description: 'The location is stored and never returned: every reader sees its H3 resolution-9 cell and the cell centre (invariant 7).',
  })
  @ApiCreatedResponse({ type: PostResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: "RECORDING_NOT_FOUND: a recording that is not one of the author's" })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED' })
  async create(@CurrentUser() user: AuthUser, @Body() body: CreatePostDto): Promise<PostResponse> {
    return toPostResponse(await this.feed.create(user, body), user.id);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One post, as the feed shows it; a held, hidden or removed one only to its author and moderators' })
  @ApiOkResponse({ type: PostResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such post, or not published and not yours' })
  async get(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<PostResponse> {
    return toPostResponse(await this.feed.get(user, id), user.id);
  }

  @Post(':id/comments')
  @Roles(...POSTERS)
  @Idempotent()
  @UserRateLimit('comments', (config) => config.feed.comments, 'FEED_COMMENT_RATE_LIMIT per FEED_RATE_WINDOW_SECONDS')
  @ApiOperation({ summary: 'Comments on a post, under the same author rules (a resident keeps one number per thread)' })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields; IDEMPOTENCY_KEY_INVALID' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such post' })
  @ApiConflictResponse({ type: ErrorBody, description: 'IDEMPOTENCY_IN_PROGRESS' })
  @ApiUnprocessableEntityResponse({ type: ErrorBody, description: 'IDEMPOTENCY_KEY_REUSED' })
  async comment(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: CreateCommentDto): Promise<CommentResponse> {
    return toCommentResponse(await this.feed.comment(user, id, body.body), user.id);
  }

  @Get(':id/comments')
  @Authenticated()
  @ApiOperation({ summary: "A post's comments, oldest first (keyset pages)" })
  @ApiOkResponse({ type: CommentPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit or cursor' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such post' })
  async comments(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Query() query: PageQueryDto): Promise<CommentPageResponse> {
    const page = await this.feed.comments(user, id, query.limit, query.cursor);
    return { items: page.items.map((comment) => toCommentResponse(comment, user.id)), nextCursor: page.nextCursor };
  }

  @Post(':id/reports')
  @Roles(...POSTERS)
  @ApiOperation({
    summary: 'Reports a post to the moderators, once per user; enough distinct reporters hide it until a moderator decides (FEED_HIDE_AFTER_REPORTS)',
  })
  @ApiCreatedResponse({ type: ReportResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such post in the feed' })
  @ApiConflictResponse({ type: ErrorBody, description: 'POST_ALREADY_REPORTED: this user reported it before' })
  async report(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: CreateReportDto): Promise<ReportResponse> {
    return toReportResponse(await this.feed.report(user, id, body));
  }
}
