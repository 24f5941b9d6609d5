import { Authenticated, type AuthUser, CurrentUser, Serves } from '@app/auth';
import { ErrorBody } from '@app/errors';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FeedQueryDto } from '../dto/feed.query.js';
import { PostPageResponse, toPostResponse } from '../dto/post.response.js';
import { FeedService } from '../feed.service.js';

@ApiTags('feed')
@Authenticated()
@Serves('all')
@Controller('feed')
export class FeedController {
  constructor(private readonly feed: FeedService) {}

  @Get()
  @ApiOperation({
    summary: 'Posts around a point, newest first (keyset pages: a post is never shown twice, however many arrive meanwhile)',
    description: "A post is in the circle when its cell's centre is: the feed never works from an exact location.",
  })
  @ApiOkResponse({ type: PostPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad lat, lng, radiusMeters (at most 5,000), category, limit or cursor' })
  async page(@CurrentUser() user: AuthUser, @Query() query: FeedQueryDto): Promise<PostPageResponse> {
    const area = { center: { lat: query.lat, lng: query.lng }, radiusMeters: query.radiusMeters };
    const page = await this.feed.page(area, query.category, query.limit, query.cursor);
    return { items: page.items.map((post) => toPostResponse(post, user.id)), nextCursor: page.nextCursor };
  }
}
