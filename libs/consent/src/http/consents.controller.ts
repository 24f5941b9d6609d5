import { type AuthUser, CurrentUser, Roles, Serves } from '@app/auth';
import { ApiBodyErrors, ErrorBody, UuidParam } from '@app/errors';
import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ConsentService } from '../consent.service.js';
import { ConsentReceiptResponse } from '../dto/receipt.response.js';

const NOT_FOUND = "No such consent, or another owner's";

@ApiTags('consent')
@ApiBodyErrors()
@Roles('resident')
@Serves('caller')
@Controller('consents')
export class ConsentsController {
  constructor(private readonly consent: ConsentService) {}

  @Get(':id/receipt')
  @ApiOperation({ summary: 'My consent receipt; its hash can be checked by anyone (SHA-256 of the RFC 8785 JSON of the other fields)' })
  @ApiOkResponse({ type: ConsentReceiptResponse })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_FOUND })
  receipt(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ConsentReceiptResponse> {
    return this.consent.receiptOf(user, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraws a given consent: the agency reaches none of the recordings from the next call on' })
  @ApiOkResponse({ type: ConsentReceiptResponse, description: 'The receipt, now with withdrawnAt, sealed again' })
  @ApiNotFoundResponse({ type: ErrorBody, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorBody, description: 'CONSENT_NOT_WITHDRAWABLE: declined or already withdrawn' })
  withdraw(@CurrentUser() user: AuthUser, @UuidParam() id: string): Promise<ConsentReceiptResponse> {
    return this.consent.withdraw(user, id);
  }
}
