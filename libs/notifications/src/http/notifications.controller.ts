import { Authenticated, type AuthUser, CurrentUser, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ListNotificationsQueryDto } from '../dto/list-notifications.query.js';
import { NotificationPageResponse, NotificationResponse, ReadAllResponse, toNotificationResponse } from '../dto/notification.response.js';
import { NotificationsService } from '../notifications.service.js';

@ApiTags('notifications')
@ApiBodyErrors()
@Authenticated()
@Serves('caller')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My inbox, newest first (keyset pages), with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'Bad unread, limit or cursor' })
  async list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageResponse> {
    const page = await this.notifications.list(user, { unreadOnly: query.unread ?? false, limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(toNotificationResponse), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
  }

  // Declared before ':id/read' so that "read-all" is never taken for an id.
  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks every unread notification read' })
  @ApiOkResponse({ type: ReadAllResponse })
  async readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResponse> {
    return { updated: await this.notifications.markAllRead(user) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one notification read (again: keeps the first readAt)' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: "No such notification, or another user's" })
  async read(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<NotificationResponse> {
    return toNotificationResponse(await this.notifications.markRead(user, id));
  }
}
