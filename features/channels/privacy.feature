@area:CHAN
Feature: Channel privacy
  A channel is PUBLIC or PRIVATE, chosen when it is created and never changed afterwards. Public
  channels are discoverable by anyone in the AppInstance, and anyone there may read them; only members
  may post. Private channels are invisible to users outside the channel.

  @rule:AUTH-021 @op:SendChannelMessage @op:ListChannelMessages
  Rule: In a public channel anyone in the AppInstance may read, only members may post

    Background:
      Given Alice has created the public channel "book-club"

    Example: A non-member reads the channel
      Given Alice has posted "Chapter 3 tonight?" in "book-club"
      When Carol lists the messages in "book-club"
      Then she sees "Chapter 3 tonight?" from Alice

    Example: A non-member cannot post
      When Carol posts "Hello?" in "book-club"
      Then the request fails with ForbiddenException
