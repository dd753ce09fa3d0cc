import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { NoticeKind } from './account-notice.entity.js';

@InputType({ description: 'A notice for the banner.' })
export class AccountNoticeInput {
  @Field(() => NoticeKind, { description: 'Why you show it.' }) kind!: NoticeKind;
  @Field({ description: 'The banner’s headline, 1 to 200 characters.' })
  @Length(1, 200)
  title!: string;
  @Field({ description: 'What is needed, by when, and what happens otherwise.' })
  @Length(1, 2000)
  body!: string;
  @Field({ nullable: true, description: 'The text of the banner’s button, with actionUrl.' })
  @IsOptional()
  @Length(1, 80)
  actionLabel?: string;

  @Field({
    nullable: true,
    description: 'Where the button leads: a dashboard path (/settings) or an https address.',
  })
  @IsOptional()
  @Length(1, 500)
  actionUrl?: string;

  @Field({ nullable: true, description: 'When you need it done by.' }) @IsOptional() dueBy?: Date;
}
