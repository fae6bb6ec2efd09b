@area:MEMB
Feature: Adding several members at once
  BatchCreateChannelMembership adds a list of users to a channel in one request. The same rules decide
  who may add members as for a single membership. When some of the users cannot be added, the request
  still succeeds: the users added are listed, and each failure is reported with the user's ARN, an error
  code and an error message.

  @rule:MEMB-010 @op:BatchCreateChannelMembership
  Rule: Every user listed becomes a member

    Background:
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"

    Example: The response lists every user added
      When Max adds Bob, Carol and Hana to "club" in one batch
      Then the request succeeds
      And the batch added exactly Bob, Carol and Hana

    @op:ListChannelMemberships
    Example: Every user added is a member
      When Max adds Bob, Carol and Hana to "club" in one batch
      Then the members of "club" are exactly Alice, Bob, Carol and Hana

  # The documentation does not say which type a batch without a type gives its members; DEFAULT is the
  # kit's reading, as hidden members are "only supported by moderators".
  @rule:MEMB-004 @op:BatchCreateChannelMembership @assumption
  Rule: A batch without a membership type adds DEFAULT members

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"

    Example: The batch reports the DEFAULT type
      When Max adds Bob and Carol to "club" in one batch
      Then the batch reports the membership type DEFAULT

    @op:DescribeChannelMembership
    Example: The members added are DEFAULT members
      When Max adds Bob and Carol to "club" in one batch
      Then Bob belongs to "club" as a DEFAULT member

  @rule:MEMB-002 @op:BatchCreateChannelMembership
  Rule: A batch records who invited the members: the user who made the request

    Example: The batch names the moderator as the inviter
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"
      When Max adds Bob and Carol to "club" in one batch
      Then the batch shows Max as the inviter

  @rule:MEMB-011 @op:BatchCreateChannelMembership
  Rule: Users who cannot be added are reported one by one, and the others are added

    # Which error code goes with which failure is not documented, so only its presence and its
    # membership of the documented ErrorCode values are asserted.
    Example: A banned user and a user of another AppInstance are reported as failures
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"
      When Ada adds Carol, Mallory and Frank to "club" in one batch
      Then the request succeeds
      And the batch added exactly Carol
      And the batch reports Mallory and Frank as failed, each with an error code and a message

  @rule:MEMB-012 @op:BatchCreateChannelMembership
  Rule: A user is reported either as added or as failed, never both

    Background:
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"

    Example: A user added is not among the failures
      When Ada adds Carol and Mallory to "club" in one batch
      Then the batch reports Carol as added and not as failed

    Example: A user who failed is not among the users added
      When Ada adds Carol and Mallory to "club" in one batch
      Then the batch reports Mallory as failed and not as added

  @rule:AUTH-011 @op:BatchCreateChannelMembership
  Rule: Only administrators and moderators may add members to a restricted channel, in a batch too

    Background:
      Given Alice has created the public restricted channel "club"
      And Bob is a member of "club"

    # The documentation does not say whether an unauthorised batch fails as a whole or user by user; the
    # kit expects the whole request to be refused.
    @assumption @op:DescribeChannelMembership
    Example: A member may not add users in a batch
      When Bob adds Carol and Hana to "club" in one batch
      Then the request fails with ForbiddenException
      And Carol does not belong to "club"

    Example: A moderator adds users in a batch
      Given Max is a moderator of "club"
      When Max adds Carol and Hana to "club" in one batch
      Then the request succeeds
      And the batch added exactly Carol and Hana

  # Reading (a) of "This is only supported by moderators", as for single memberships.
  @rule:MEMB-008 @op:BatchCreateChannelMembership @assumption
  Rule: Only moderators may add hidden members, in a batch too

    Background:
      Given Alice has created the public unrestricted channel "club"
      And Bob is a member of "club"

    @op:DescribeChannelMembership
    Example: A member may not add hidden members in a batch
      When Bob adds Carol and Hana to "club" in one batch as hidden members
      Then the request fails with ForbiddenException
      And Carol does not belong to "club"

    @op:DescribeChannelMembership
    Example: A moderator adds hidden members in a batch
      Given Max is a moderator of "club"
      When Max adds Carol and Hana to "club" in one batch as hidden members
      Then the request succeeds
      And Carol belongs to "club" as a HIDDEN member
