@area:MEMB
Feature: Adding a member to a channel
  CreateChannelMembership adds one AppInstanceUser to a channel, as a DEFAULT or a HIDDEN member. Who may
  add whom depends on the channel's mode: in an unrestricted channel administrators, moderators and
  members may add themselves and others; in a restricted channel only administrators and moderators may
  add members. The membership records who invited the member: the user who made the request.

  @rule:MEMB-001 @op:CreateChannelMembership
  Rule: Adding a user makes the user a member of the channel

    Background:
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"

    Example: The response names the new member
      When Max adds Carol to "club"
      Then the request succeeds
      And the response names Carol, by ARN and name, in "club"

    @op:DescribeChannelMembership
    Example: The new member can be described
      When Max adds Carol to "club"
      Then Carol belongs to "club"

    @op:ListChannelMemberships
    Example: The new member is listed
      When Max adds Carol to "club"
      Then the members of "club" are exactly Alice and Carol

  @rule:MEMB-002 @op:CreateChannelMembership @op:DescribeChannelMembership
  Rule: The membership records who invited the member: the user who made the request

    Example: A moderator invites a user
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"
      When Max adds Carol to "club"
      Then the membership of Carol in "club" shows Max as the inviter

    Example: A user who joins invites themselves
      Given Alice has created the public unrestricted channel "club"
      When Carol joins "club"
      Then the membership of Carol in "club" shows Carol as the inviter

  @rule:MEMB-003 @op:CreateChannelMembership
  Rule: A membership is of type DEFAULT or HIDDEN, and the type must be given

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"

    Example: A membership without a type is rejected
      When Max adds Carol to "club" without a membership type
      Then the request fails with BadRequestException

    Example: Any other membership type is rejected
      When Max adds Carol to "club" as a member of type "GUEST"
      Then the request fails with BadRequestException

    @op:DescribeChannelMembership
    Example: A default membership
      When Max adds Carol to "club" as a member of type "DEFAULT"
      Then Carol belongs to "club" as a DEFAULT member

    @op:DescribeChannelMembership
    Example: A hidden membership
      When Max adds Carol to "club" as a member of type "HIDDEN"
      Then Carol belongs to "club" as a HIDDEN member

  # "This is only supported by moderators" can also be read as "only moderators can be hidden members".
  # The kit reads it as: only moderators (and administrators) may create hidden memberships.
  @rule:MEMB-008 @op:CreateChannelMembership @assumption
  Rule: Only moderators may add hidden members

    Background:
      Given Alice has created the public unrestricted channel "club"
      And Bob is a member of "club"

    @op:DescribeChannelMembership
    Example: A member may not add a hidden member, even in an unrestricted channel
      When Bob adds Carol to "club" as a hidden member
      Then the request fails with ForbiddenException
      And Carol does not belong to "club"

    @op:DescribeChannelMembership
    Example: A moderator adds a hidden member
      Given Max is a moderator of "club"
      When Max adds Carol to "club" as a hidden member
      Then the request succeeds
      And Carol belongs to "club" as a HIDDEN member

  @rule:MEMB-015 @op:CreateChannelMembership
  Rule: Only AppInstanceUsers of the channel's AppInstance can become members

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"

    Example: A user of another AppInstance cannot be added
      When Max adds Frank to "club"
      Then the request fails with NotFoundException

    Example: A deleted AppInstanceUser cannot be added
      Given Carol's AppInstanceUser has been deleted
      When Max adds Carol to "club"
      Then the request fails with NotFoundException

  @rule:AUTH-011 @op:CreateChannelMembership
  Rule: Only administrators and moderators may add members to a restricted channel

    Background:
      Given Alice has created the public restricted channel "club"
      And Bob is a member of "club"

    @op:DescribeChannelMembership
    Example: A member may not add a user
      When Bob adds Carol to "club"
      Then the request fails with ForbiddenException
      And Carol does not belong to "club"

    @op:DescribeChannelMembership
    Example: A user may not add themselves
      When Carol joins "club"
      Then the request fails with ForbiddenException
      And Carol does not belong to "club"

    @op:DescribeChannelMembership
    Example: A moderator adds a user
      Given Max is a moderator of "club"
      When Max adds Carol to "club"
      Then the request succeeds
      And Carol belongs to "club"

    @rule:AUTH-024 @op:DescribeChannelMembership
    Example: An AppInstanceAdmin, who is neither a moderator nor a member, adds a user
      When Ada adds Carol to "club"
      Then the request succeeds
      And Carol belongs to "club"

  @rule:AUTH-012 @op:CreateChannelMembership
  Rule: In an unrestricted channel members may add other users

    @op:DescribeChannelMembership
    Example: A member adds a user
      Given Alice has created the public unrestricted channel "club"
      And Bob is a member of "club"
      When Bob adds Carol to "club"
      Then the request succeeds
      And Carol belongs to "club"

    @op:DescribeChannelMembership
    Example: The member who added the user is recorded as the inviter
      Given Alice has created the private unrestricted channel "club"
      And Bob is a member of "club"
      When Bob adds Carol to "club"
      Then the membership of Carol in "club" shows Bob as the inviter

  @rule:AUTH-014 @op:CreateChannelMembership
  Rule: A moderator may add members to restricted and unrestricted channels

    @op:DescribeChannelMembership
    Scenario Outline: A moderator adds a user to a <kind> channel
      Given Alice has created the <kind> channel "club"
      And Max is a moderator of "club"
      When Max adds Carol to "club"
      Then the request succeeds
      And Carol belongs to "club"

      Examples:
        | kind                 |
        | public restricted    |
        | public unrestricted  |
        | private restricted   |
        | private unrestricted |
