@area:SESS @requires:messaging-session
Feature: Memberships over the messaging session
  Adding and removing members produces system events (CREATE_CHANNEL_MEMBERSHIP, DELETE_CHANNEL_MEMBERSHIP,
  BATCH_CREATE_CHANNEL_MEMBERSHIP) for the members and the user concerned. Who receives a channel's events
  follows its memberships: a user added while connected starts receiving them, a user removed or banned
  stops; administrators and moderators receive them only as members; hidden members observe.

  Background:
    Given Alice has created the public channel "book-club"
    And Bob is a member of "book-club"
    And Bob has a messaging session open

  @rule:SESS-010 @op:GetMessagingSessionEndpoint @op:CreateChannelMembership
  Rule: A new membership is announced to the members and to the new member

    Example: The members and the new member receive CREATE_CHANNEL_MEMBERSHIP
      Given Carol has a messaging session open
      When Ada adds Carol to "book-club"
      Then Bob receives the CREATE_CHANNEL_MEMBERSHIP event for Carol in "book-club"
      And Carol receives the CREATE_CHANNEL_MEMBERSHIP event for Carol in "book-club"

  @rule:SESS-011 @op:GetMessagingSessionEndpoint @op:DeleteChannelMembership
  Rule: A removal is announced to the members and to the removed user, who then receives nothing more

    Example: The members and the member who leaves receive DELETE_CHANNEL_MEMBERSHIP
      Given Carol is a member of "book-club"
      And Carol has a messaging session open
      When Carol leaves "book-club"
      Then Bob receives the DELETE_CHANNEL_MEMBERSHIP event for Carol in "book-club"
      And Carol receives the DELETE_CHANNEL_MEMBERSHIP event for Carol in "book-club"

    @op:SendChannelMessage
    Example: A removed member receives nothing more from the channel
      Given Carol is a member of "book-club"
      And Carol has a messaging session open
      And Carol has been removed from "book-club"
      When Alice posts "Just us now" in "book-club"
      Then Bob receives "Just us now" from Alice
      And Carol receives no event for "Just us now"

  @rule:SESS-012 @op:GetMessagingSessionEndpoint @op:BatchCreateChannelMembership
  Rule: A batch of new members is one event

    Example: A batch is announced as one BATCH_CREATE_CHANNEL_MEMBERSHIP
      When Ada adds Carol and Max to "book-club" in one batch
      Then Bob receives one BATCH_CREATE_CHANNEL_MEMBERSHIP event for "book-club" naming Carol and Max

  @rule:SESS-024 @op:GetMessagingSessionEndpoint @op:CreateChannelMembership @op:SendChannelMessage
  Rule: A user added while connected receives the channel's later events without reconnecting

    Example: A user added while connected receives the next message
      Given Carol has a messaging session open
      And Ada has added Carol to "book-club"
      When Alice posts "Welcome, Carol" in "book-club"
      Then Carol receives "Welcome, Carol" from Alice

  @rule:SESS-014 @op:GetMessagingSessionEndpoint @op:CreateChannelBan @op:SendChannelMessage
  Rule: A banned member stops receiving the channel's events

    Example: A banned member receives nothing more from the channel
      Given Mallory is a member of "book-club"
      And Mallory has a messaging session open
      And Alice has banned Mallory from "book-club"
      When Alice posts "No trolls here" in "book-club"
      Then Bob receives "No trolls here" from Alice
      And Mallory receives no event for "No trolls here"

  @rule:SESS-015 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: Administrators and moderators receive a channel's messages only as members

    Example: An AppInstanceAdmin who is not a member receives nothing
      Given Ada has a messaging session open
      When Alice posts "Members only" in "book-club"
      Then Bob receives "Members only" from Alice
      And Ada receives no event for "Members only"

    @op:CreateChannelModerator
    Example: A moderator who is not a member receives nothing
      Given Max is a moderator of "book-club"
      And Max has a messaging session open
      When Alice posts "Members only" in "book-club"
      Then Bob receives "Members only" from Alice
      And Max receives no event for "Members only"

  @rule:SESS-016 @op:GetMessagingSessionEndpoint @op:SendChannelMessage
  Rule: Hidden members observe the conversation

    Example: A hidden member receives the channel's messages
      Given Hana is a hidden member of "book-club"
      And Hana has a messaging session open
      When Alice posts "Chapter 3 tonight?" in "book-club"
      Then Hana receives "Chapter 3 tonight?" from Alice

  # No source says whether the other members learn of a hidden member over the session. Announcing it
  # would reveal what ListChannelMemberships hides unless asked for: the kit decides it is announced to
  # the hidden member only.
  @rule:SESS-017 @assumption @op:GetMessagingSessionEndpoint @op:CreateChannelMembership
  Rule: A hidden membership is not announced to the other members

    Example: The other members are not told of a hidden member
      Given Hana has a messaging session open
      When Alice adds Hana to "book-club" as a hidden member
      Then Hana receives the CREATE_CHANNEL_MEMBERSHIP event for Hana in "book-club"
      And Bob receives no CREATE_CHANNEL_MEMBERSHIP event for Hana in "book-club"
