@area:MEMB
Feature: Users are named in responses
  Wherever a response identifies an AppInstanceUser (a member, the user who invited a member, the creator
  of a channel, a ban or a moderator, a moderator, the sender of a message), it gives both the user's ARN
  and the user's name.

  @rule:MEMB-017
  Rule: Every identity in a response carries the user's ARN and name

    Background:
      Given Alice has created the private channel "club"
      And Max is a moderator of "club"

    @op:CreateChannelMembership
    Example: The new member
      When Max adds Carol to "club"
      Then the response names Carol, by ARN and name, in "club"

    @op:DescribeChannelMembership
    Example: The member and the user who invited the member
      Given Max has added Bob to "club"
      When Alice describes the membership of Bob in "club"
      Then the membership shows:
        | member     | Bob |
        | invited by | Max |

    @op:ListChannelModerators
    Example: The moderators
      When Alice lists the moderators of "club"
      Then the moderators listed are exactly Alice and Max, each by ARN and name

    @op:DescribeChannelBan
    Example: The banned user and the moderator who banned them
      Given Max has banned Mallory from "club"
      When Max describes the ban on Mallory in "club"
      Then the ban shows:
        | member     | Mallory |
        | created by | Max     |

    @op:ListChannelMessages
    Example: The sender of a message
      Given Alice has posted "Welcome!" in "club"
      When Max lists the messages in "club"
      Then the messages listed name Alice, by ARN and name, as the sender of "Welcome!"
