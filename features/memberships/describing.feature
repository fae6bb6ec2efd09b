@area:MEMB
Feature: Describing a membership
  DescribeChannelMembership returns the full details of one user's membership of a channel: the member,
  the channel, the type, who invited the member, and when the membership was created and last updated.
  A hidden member is a member like any other, except that default lists do not show them.

  @rule:MEMB-013 @op:DescribeChannelMembership
  Rule: Describing a membership returns its full details

    Background:
      Given Alice has created the public restricted channel "club"
      And Max is a moderator of "club"
      And Max has added Bob to "club"

    Example: The details of a membership
      When Max describes the membership of Bob in "club"
      Then the membership shows:
        | member     | Bob     |
        | channel    | club    |
        | type       | DEFAULT |
        | invited by | Max     |
      And the membership carries its creation and last update times

    Example: A user who is not a member has no membership
      When Max describes the membership of Carol in "club"
      Then the request fails with NotFoundException

  @rule:MEMB-009
  Rule: A hidden member is a member: its membership says HIDDEN, and it may read and post

    Background:
      Given Alice has created the private channel "diary"
      And Hana is a hidden member of "diary"

    @op:DescribeChannelMembership
    Example: The membership of a hidden member is of type HIDDEN
      When Alice describes the membership of Hana in "diary"
      Then the membership shows:
        | member | Hana   |
        | type   | HIDDEN |

    @op:ListChannelMessages
    Example: A hidden member reads a private channel
      Given Alice has posted "Dear diary" in "diary"
      When Hana lists the messages in "diary"
      Then she sees "Dear diary" from Alice

    @op:SendChannelMessage
    Example: A hidden member posts in a private channel
      When Hana posts "Hello from the shadows" in "diary"
      Then the request succeeds
