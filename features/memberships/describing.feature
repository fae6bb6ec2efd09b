@area:MEMB
Feature: Describing a membership
  DescribeChannelMembership returns the full details of one user's membership of a channel: the member,
  the channel, the type, who invited the member, and when the membership was created and last updated.
  A hidden member is a member who observes: default lists do not show them, and they may read the channel
  but not post in it.

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
  Rule: A hidden member is a member: its membership says HIDDEN, and it may read the channel

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

  # The Developer Guide says: "Hidden members can observe conversations but not send messages"
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/messaging-concepts.html). The API reference is
  # silent, and the kit used to let hidden members post; the guide settles it.
  @rule:MEMB-018 @op:SendChannelMessage
  Rule: A hidden member observes the channel but may not post

    Background:
      Given Alice has created the private channel "diary"
      And Hana is a hidden member of "diary"

    @op:ListChannelMessages
    Example: A hidden member may not post
      When Hana posts "Hello from the shadows" in "diary"
      Then the request fails with ForbiddenException
      And the messages of "diary" do not include "Hello from the shadows"

    @op:ListChannelMessages
    Example: A hidden member may not post in a public channel either
      Given Alice has created the public channel "lobby"
      And Hana is a hidden member of "lobby"
      When Hana posts "Hello from the shadows" in "lobby"
      Then the request fails with ForbiddenException
