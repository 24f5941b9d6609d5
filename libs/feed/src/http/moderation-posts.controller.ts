import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { PageQueryDto } from '@app/database';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReviewPageResponse, ReviewResponse, toReviewResponse } from '../dto/post.response.js';
import { PostDecisionDto } from '../dto/report.dto.js';
import { FeedService } from '../feed.service.js';

@ApiTags('moderation')
@ApiBodyErrors()
@Roles('moderator')
@Serves('all')
@Controller('moderation')
export class ModerationPostsController {
  constructor(private readonly feed: FeedService) {}

  @Get('queue')
  @ApiOperation({ summary: 'Posts waiting for a moderator — reported, or held by the policy — most reported first (keyset pages)' })
  @ApiOkResponse({ type: ReviewPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad limit or cursor' })
  async queue(@CurrentUser() user: AuthUser, @Query() query: PageQueryDto): Promise<ReviewPageResponse> {
    const page = await this.feed.queue(query.limit, query.cursor);
    return { items: page.items.map((post) => toReviewResponse(post, user.id)), nextCursor: page.nextCursor };
  }

  @Post('posts/:id/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Keeps a post (published) or removes it (its author is notified); once; audited' })
  @ApiOkResponse({ type: ReviewResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Invalid or unknown fields' })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'No such post' })
  @ApiConflictResponse({ type: ErrorBody, description: 'POST_ALREADY_DECIDED' })
  async decide(@CurrentUser() user: AuthUser, @UuidParam() id: string, @Body() body: PostDecisionDto): Promise<ReviewResponse> {
    return toReviewResponse(await this.feed.decide(user, id, body), user.id);
  }
}
