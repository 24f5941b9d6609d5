import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { plainToInstance, Transform, type ClassConstructor } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A body field that is one of several DTO classes: `choose` picks the class from the raw JSON
 * object, which is then validated as that class (unknown fields included). class-validator has
 * no unions of its own; this keeps each alternative an ordinary, documented DTO.
 */
export function NestedUnion(
  models: [ClassConstructor<object>, ...ClassConstructor<object>[]],
  choose: (raw: object) => ClassConstructor<object>,
  description: string,
): PropertyDecorator {
  return (target, key) => {
    ApiExtraModels(...models)(target.constructor);
    ApiProperty({ oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })), description })(target, key);
    Transform(
      ({ obj }) => {
        const raw: unknown = (obj as Record<string | symbol, unknown>)[key];
        return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? plainToInstance(choose(raw), raw) : raw;
      },
      { toClassOnly: true },
    )(target, key);
    IsObject()(target, key);
    ValidateNested()(target, key);
  };
}
