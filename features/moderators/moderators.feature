@area:MOD
Feature: Channel moderators
  CreateChannelModerator makes an AppInstanceUser a moderator of a channel. A moderator may add and remove
  other members, add and remove other moderators, add and remove bans, redact messages and list
  messages. Being a moderator is separate from being a member: a moderator need not be a member, and
  becoming one does not make them a member. DeleteChannelModerator takes the role away again. Only
  moderators and AppInstanceAdmins may see who the moderators are.

  @rule:MOD-001 @op:CreateChannelModerator
  Rule: Creating a moderator makes the user a moderator of the channel

    Background:
      Given Alice has created the public channel "club"

    Example: The response names the new moderator
      When Alice makes Max a moderator of "club"
      Then the request succeeds
      And the response names Max, by ARN and name, in "club"

    @op:ListChannelModerators
    Example: The new moderator is listed
      When Alice makes Max a moderator of "club"
      Then the moderators of "club" include Max

  @rule:MOD-002 @op:DescribeChannelModerator
  Rule: Describing a moderator returns the full details, including who made them a moderator

    Background:
      Given Alice has created the public channel "club"

    Example: The details of a moderator
      Given Alice has made Max a moderator of "club"
      When Alice describes the moderator Max of "club"
      Then the moderator shows:
        | moderator  | Max   |
        | channel    | club  |
        | created by | Alice |
      And the moderator carries its creation time

    Example: A user who is not a moderator cannot be described as one
      When Alice describes the moderator Carol of "club"
      Then the request fails with NotFoundException

  @rule:MOD-003 @op:ListChannelModerators
  Rule: Listing the moderators returns every moderator of the channel

    Example: Every moderator is listed
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"
      And Bob is a moderator of "club"
      When Alice lists the moderators of "club"
      Then the request succeeds
      And the moderators listed are exactly Alice, Bob and Max, each by ARN and name

  @rule:MOD-004 @op:DeleteChannelModerator
  Rule: Deleting a moderator takes the role away, and only the role

    Background:
      Given Alice has created the public channel "club"
      And Max is a moderator of "club"

    @op:ListChannelModerators
    Example: The moderator role is gone
      When Alice removes Max as a moderator of "club"
      Then the request succeeds
      And the moderators of "club" do not include Max

    @op:CreateChannelBan
    Example: A former moderator can no longer ban
      Given Max is no longer a moderator of "club"
      When Max bans Bob from "club"
      Then the request fails with ForbiddenException

    @op:DescribeChannelMembership
    Example: A former moderator who is a member stays a member
      Given Max is a member of "club"
      When Alice removes Max as a moderator of "club"
      Then Max belongs to "club"

  @rule:MOD-005 @op:CreateChannelModerator
  Rule: Being a moderator does not need, nor give, a membership

    Background:
      Given Alice has created the private channel "club"

    @op:ListChannelModerators
    Example: A user who is not a member becomes a moderator
      When Alice makes Max a moderator of "club"
      Then the request succeeds
      And the moderators of "club" include Max

    @op:DescribeChannelMembership
    Example: Becoming a moderator does not make the user a member
      When Alice makes Max a moderator of "club"
      Then Max does not belong to "club"

  @rule:MOD-006
  Rule: A moderator may redact messages but not delete them

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      And Bob has posted "Buy cheap watches" in "club"

    @op:RedactChannelMessage @op:GetChannelMessage
    Example: A moderator redacts a message
      When Max redacts the message "Buy cheap watches" in "club"
      Then the request succeeds
      And Bob's message "Buy cheap watches" in "club" is redacted

    @op:DeleteChannelMessage @op:GetChannelMessage
    Example: A moderator may not delete a message
      When Max deletes the message "Buy cheap watches" from "club"
      Then the request fails with ForbiddenException
      And Bob's message "Buy cheap watches" is still in "club"

  @rule:MOD-007
  Rule: The channels a user moderates follow the moderator role

    Background:
      Given Alice has created the private channel "club"

    @op:CreateChannelModerator @op:ListChannelsModeratedByAppInstanceUser
    Example: A new moderator's channels include the channel
      Given Alice has made Max a moderator of "club"
      When Max lists the channels he moderates
      Then the channels listed include "club"

    @op:CreateChannelModerator @op:DescribeChannelModeratedByAppInstanceUser
    Example: A new moderator can describe the channel as moderated by them
      Given Alice has made Max a moderator of "club"
      When Max describes "club" as moderated by Max
      Then the request succeeds

    @op:DeleteChannelModerator @op:ListChannelsModeratedByAppInstanceUser
    Example: A former moderator's channels no longer include the channel
      Given Max is a moderator of "club"
      And Max is no longer a moderator of "club"
      When Max lists the channels he moderates
      Then the channels listed do not include "club"

  @rule:AUTH-015
  Rule: Moderators and administrators may add and remove other moderators; others may not

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"

    @op:CreateChannelModerator @op:ListChannelModerators
    Scenario Outline: <who> makes a user a moderator
      Given Max is a moderator of "club"
      When <actor> makes Carol a moderator of "club"
      Then the request succeeds
      And the moderators of "club" include Carol

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:DeleteChannelModerator @op:ListChannelModerators
    Scenario Outline: <who> removes a moderator
      Given Max is a moderator of "club"
      When <actor> removes Max as a moderator of "club"
      Then the request succeeds
      And the moderators of "club" do not include Max

      Examples: a moderator
        | who               | actor |
        | Another moderator | Alice |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:CreateChannelModerator @op:ListChannelModerators
    Scenario Outline: <who> may not make a user a moderator
      When <actor> makes Carol a moderator of "club"
      Then the request fails with ForbiddenException
      And the moderators of "club" do not include Carol

      Examples:
        | who               | actor |
        | A member          | Bob   |
        | A user outside it | Carol |

    @op:DeleteChannelModerator @op:ListChannelModerators
    Example: A member may not remove a moderator
      Given Max is a moderator of "club"
      When Bob removes Max as a moderator of "club"
      Then the request fails with ForbiddenException
      And the moderators of "club" include Max

  # The Developer Guide's role tables deny DescribeChannelModerator and ListChannelModerators to members
  # and to users outside the channel, and allow both to moderators and AppInstanceAdmins
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/auth-by-role.html). The AWS chat sample calls
  # ListChannelModerators and expects the error on channels the user does not moderate.
  @rule:AUTH-026
  Rule: Only moderators and administrators may see the moderators of a channel

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"

    @op:ListChannelModerators
    Scenario Outline: <who> may not list the moderators
      When <actor> lists the moderators of "club"
      Then the request fails with ForbiddenException

      Examples:
        | who               | actor |
        | A member          | Bob   |
        | A user outside it | Carol |

    @op:DescribeChannelModerator
    Scenario Outline: <who> may not describe a moderator
      When <actor> describes the moderator Max of "club"
      Then the request fails with ForbiddenException

      Examples:
        | who               | actor |
        | A member          | Bob   |
        | A user outside it | Carol |

    @op:ListChannelModerators
    Scenario Outline: <who> lists the moderators
      When <actor> lists the moderators of "club"
      Then the moderators listed are exactly Alice and Max, each by ARN and name

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:DescribeChannelModerator
    Example: A moderator describes another moderator
      When Max describes the moderator Alice of "club"
      Then the moderator shows:
        | moderator | Alice |
        | channel   | club  |
