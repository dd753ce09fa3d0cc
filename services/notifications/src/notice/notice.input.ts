import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NoticeKind } from './account-notice.entity.js';

@InputType({ description: 'A notice for the banner.' })
export class AccountNoticeInput {
  @Field(() => NoticeKind) kind!: NoticeKind;
  @Field() @Length(1, 200) title!: string;
  @Field({ description: 'What is needed, by when, and what happens otherwise.' })
  @Length(1, 2000)
  body!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 80) actionLabel?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 500) actionUrl?: string;
  @Field({ nullable: true }) @IsOptional() dueBy?: Date;
}
