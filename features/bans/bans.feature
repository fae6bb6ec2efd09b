@area:BAN
Feature: Channel bans
  CreateChannelBan permanently bans an AppInstanceUser from a channel. A member who is banned is removed
  from the channel at once, and nobody, not even a moderator, can add a banned user to the channel.
  DeleteChannelBan lifts the ban; it does not make the user a member again. Bans disappear with the
  channel or the user they concern. Moderators and administrators add and remove bans; they cannot ban a
  moderator of the channel or an AppInstanceAdmin.

  @rule:BAN-001 @op:CreateChannelBan
  Rule: Banning a user records the ban

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"

    Example: The response names the banned user
      When Max bans Mallory from "club"
      Then the request succeeds
      And the response names Mallory, by ARN and name, in "club"

    @op:DescribeChannelBan
    Example: The ban can be described
      Given Max has banned Mallory from "club"
      When Alice describes the ban on Mallory in "club"
      Then the ban shows:
        | member     | Mallory |
        | channel    | club    |
        | created by | Max     |
      And the ban carries its creation time

  @rule:BAN-002 @op:CreateChannelBan
  Rule: A member who is banned is removed from the channel

    Background:
      Given Alice has created the private channel "club"
      And Max is a moderator of "club"

    @op:DescribeChannelMembership
    Example: A banned member is no longer a member
      Given Bob is a member of "club"
      When Max bans Bob from "club"
      Then Bob does not belong to "club"

    @op:DescribeChannelMembership
    Example: A banned hidden member is no longer a member
      Given Hana is a hidden member of "club"
      When Max bans Hana from "club"
      Then Hana does not belong to "club"

    @op:ListChannelMemberships
    Example: A banned member is no longer listed
      Given Bob is a member of "club"
      When Max bans Bob from "club"
      Then the members of "club" do not include Bob

    @op:ListChannelMemberships
    Example: A banned hidden member is no longer listed among the hidden members
      Given Hana is a hidden member of "club"
      When Max bans Hana from "club"
      Then the HIDDEN members of "club" do not include Hana

    @op:ListChannelMembershipsForAppInstanceUser
    Example: A banned member's channels no longer include the channel
      Given Bob is a member of "club"
      When Max bans Bob from "club"
      Then the channels Bob is a member of do not include "club"

  # The error is not documented; ConflictException is also modeled. The kit expects ForbiddenException:
  # the request is one nobody may make.
  @rule:BAN-003 @assumption
  Rule: Nobody, not even a moderator, can add a banned user to the channel

    Background:
      Given Alice has created the public restricted channel "club"
      And Mallory is banned from "club"

    @op:CreateChannelMembership @op:DescribeChannelMembership
    Example: A moderator cannot add a banned user
      Given Max is a moderator of "club"
      When Max adds Mallory to "club"
      Then the request fails with ForbiddenException
      And Mallory does not belong to "club"

    @op:CreateChannelMembership @op:DescribeChannelMembership
    Example: An AppInstanceAdmin cannot add a banned user
      When Ada adds Mallory to "club"
      Then the request fails with ForbiddenException
      And Mallory does not belong to "club"

    @op:BatchCreateChannelMembership @op:DescribeChannelMembership
    Example: A banned user in a batch is reported as failed
      Given Max is a moderator of "club"
      When Max adds Carol and Mallory to "club" in one batch
      Then the batch reports Mallory as failed and not as added
      And Mallory does not belong to "club"

  @rule:BAN-004
  Rule: A banned user can neither join nor post

    Background:
      Given Alice has created the public unrestricted channel "club"
      And Mallory is banned from "club"

    @op:CreateChannelMembership
    Example: A banned user cannot join an unrestricted public channel
      When Mallory joins "club"
      Then the request fails with ForbiddenException

    @op:SendChannelMessage
    Example: A banned user cannot post
      When Mallory posts "I'm back" in "club"
      Then the request fails with ForbiddenException

  @rule:BAN-005
  Rule: Lifting a ban does not restore the membership; the user must be added again

    Background:
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"
      And Bob is a member of "club"
      And Max has banned Bob from "club"

    @op:DeleteChannelBan @op:DescribeChannelMembership
    Example: A user whose ban is lifted is not a member
      When Max lifts the ban on Bob in "club"
      Then the request succeeds
      And Bob does not belong to "club"

    @op:CreateChannelMembership @op:DescribeChannelMembership
    Example: A user whose ban is lifted can be added again
      Given Max has lifted the ban on Bob in "club"
      When Max adds Bob to "club"
      Then the request succeeds
      And Bob belongs to "club"

  @rule:BAN-006 @op:DeleteChannelBan
  Rule: Lifting a ban removes it from the channel's ban list

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"
      And Mallory is banned from "club"

    @op:DescribeChannelBan
    Example: The ban can no longer be described
      Given Max has lifted the ban on Mallory in "club"
      When Max describes the ban on Mallory in "club"
      Then the request fails with NotFoundException

    @op:ListChannelBans
    Example: The user is no longer on the ban list
      When Max lifts the ban on Mallory in "club"
      Then the request succeeds
      And the bans of "club" do not include Mallory

  # "Bans are cleaned up when you delete users or channels." A deleted channel is inaccessible at once
  # (CHAN-019), its bans with it. When a deleted user's bans are cleaned up is not documented: the kit
  # polls the ban list up to the target's consistency bound.
  @rule:BAN-007
  Rule: Bans disappear with the channel or the user they concern

    @op:DescribeChannelBan
    Example: No ban of a deleted channel can be seen
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"
      And "club" has been deleted
      When Ada describes the ban on Mallory in "club"
      Then the request fails with NotFoundException or ForbiddenException

    @op:ListChannelBans
    Example: A deleted user's bans are cleaned up
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"
      And Bob is banned from "club"
      When Mallory's AppInstanceUser is deleted
      Then eventually the bans of "club" are exactly Bob

  @rule:BAN-008 @op:CreateChannelBan
  Rule: A user who is not a member can be banned in advance

    Background:
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"

    @op:ListChannelBans
    Example: Banning a user who is not a member
      When Max bans Carol from "club"
      Then the request succeeds
      And the bans of "club" include Carol

    @op:CreateChannelMembership
    Example: A user banned in advance cannot be added later
      Given Max has banned Carol from "club"
      When Max adds Carol to "club"
      Then the request fails with ForbiddenException

  @rule:BAN-009 @op:ListChannelBans
  Rule: Listing the bans returns every banned user of the channel

    Example: Every banned user is listed
      Given Alice has created the public channel "club"
      And Mallory is banned from "club"
      And Carol is banned from "club"
      When Alice lists the bans of "club"
      Then the request succeeds
      And the list names the channel "club"
      And the users listed as banned are exactly Carol and Mallory, each by ARN and name

  @rule:BAN-010 @op:DescribeChannelBan
  Rule: A user who is not banned has no ban to describe

    Example: Describing the ban of a user who is not banned
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      When Alice describes the ban on Bob in "club"
      Then the request fails with NotFoundException

  @rule:AUTH-016
  Rule: Moderators and administrators may add and remove bans; members may not

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"

    @op:CreateChannelBan @op:ListChannelBans
    Scenario Outline: <who> bans a user
      When <actor> bans Carol from "club"
      Then the request succeeds
      And the bans of "club" include Carol

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:DeleteChannelBan @op:ListChannelBans
    Scenario Outline: <who> lifts a ban
      Given Mallory is banned from "club"
      When <actor> lifts the ban on Mallory in "club"
      Then the request succeeds
      And the bans of "club" do not include Mallory

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:CreateChannelBan @op:ListChannelBans
    Example: A member may not ban a user
      When Bob bans Carol from "club"
      Then the request fails with ForbiddenException
      And the bans of "club" do not include Carol

    @op:DeleteChannelBan @op:ListChannelBans
    Example: A member may not lift a ban
      Given Mallory is banned from "club"
      When Bob lifts the ban on Mallory in "club"
      Then the request fails with ForbiddenException
      And the bans of "club" include Mallory

    # The API reference does not say who may read bans; the Developer Guide's role tables deny
    # DescribeChannelBan and ListChannelBans to members and non-members
    # (https://docs.aws.amazon.com/chime-sdk/latest/dg/auth-by-role.html).
    @op:ListChannelBans
    Example: A member may not list the bans
      Given Mallory is banned from "club"
      When Bob lists the bans of "club"
      Then the request fails with ForbiddenException

    @op:DescribeChannelBan
    Example: A member may not describe a ban
      Given Mallory is banned from "club"
      When Bob describes the ban on Mallory in "club"
      Then the request fails with ForbiddenException

  # The Developer Guide's role tables, CreateChannelBan for moderators and administrators: "The
  # AppInstanceUser you are banning cannot be an AppInstanceAdmin or the moderator of that channel"
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/auth-by-role.html). No error is named: the kit accepts
  # ForbiddenException and BadRequestException, the two modeled errors for a request the service refuses as
  # made (the reference answers BadRequestException: the caller may ban, the user named may not be banned).
  @rule:BAN-011 @op:CreateChannelBan
  Rule: A moderator of the channel or an AppInstanceAdmin cannot be banned

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"
      And Bob is a member of "club"

    @op:ListChannelBans
    Example: A moderator cannot ban another moderator
      Given Bob is a moderator of "club"
      When Max bans Bob from "club"
      Then the request fails with ForbiddenException or BadRequestException
      And the bans of "club" do not include Bob

    Example: An AppInstanceAdmin cannot ban a moderator
      When Ada bans Max from "club"
      Then the request fails with ForbiddenException or BadRequestException

    @op:ListChannelModerators
    Example: A moderator who could not be banned keeps the role
      Given Bob is a moderator of "club"
      When Max bans Bob from "club"
      Then the moderators of "club" include Bob

    @op:DescribeChannelMembership
    Example: A moderator who could not be banned stays a member
      Given Bob is a moderator of "club"
      When Max bans Bob from "club"
      Then Bob belongs to "club"

    @op:ListChannelBans
    Example: An AppInstanceAdmin cannot be banned
      When Max bans Ada from "club"
      Then the request fails with ForbiddenException or BadRequestException
      And the bans of "club" do not include Ada
