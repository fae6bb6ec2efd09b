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

  @rule:AUTH-022
  Rule: In a private channel only members may read or post

    Background:
      Given Alice has created the private channel "diary"
      And Alice has posted "Dear diary" in "diary"

    @op:ListChannelMessages
    Example: A non-member cannot read the channel
      When Carol lists the messages in "diary"
      Then the request fails with ForbiddenException

    @op:SendChannelMessage
    Example: A non-member cannot post
      When Carol posts "Hello?" in "diary"
      Then the request fails with ForbiddenException

    @op:GetChannelMessage
    Example: A non-member cannot read a single message
      When Carol gets the message "Dear diary" from "diary"
      Then the request fails with ForbiddenException

    @op:ListChannelMessages
    Example: A member reads the channel
      Given Bob is a member of "diary"
      When Bob lists the messages in "diary"
      Then he sees "Dear diary" from Alice

  @rule:CHAN-006
  Rule: Public channels are discoverable by anyone in the AppInstance

    Background:
      Given Alice has created the public channel "book-club"

    @op:ListChannels
    Example: A non-member finds a public channel in the list
      When Carol lists the public channels
      Then the channels listed include "book-club"

    @op:DescribeChannel
    Example: A non-member describes a public channel
      When Carol describes "book-club"
      Then the request succeeds
      And the description shows:
        | name    | book-club |
        | privacy | PUBLIC    |

  @rule:CHAN-005
  Rule: Private channels are not discoverable by users outside them

    Background:
      Given Alice has created the private channel "diary"
      And Alice has created the public channel "book-club"

    @op:ListChannels
    Example: A non-member does not find a private channel among the public ones
      When Carol lists the public channels
      Then the channels listed do not include "diary"

    @op:ListChannels
    Example: A non-member does not find a private channel without a filter
      When Carol lists the channels
      Then the channels listed do not include "diary"

    # DescribeChannel models no NotFoundException: ForbiddenException is the only modeled fit.
    @op:DescribeChannel
    Example: A non-member cannot describe a private channel
      When Carol describes "diary"
      Then the request fails with ForbiddenException

    @op:DescribeChannel
    Example: A member describes a private channel
      Given Bob is a member of "diary"
      When Bob describes "diary"
      Then the request succeeds

    @op:DescribeChannel
    Example: A moderator who is not a member describes a private channel
      Given Max is a moderator of "diary"
      When Max describes "diary"
      Then the request succeeds

  # "Add themselves" is said of members, who already belong to the channel. The Developer Guide's concepts
  # page lets "any user" add themselves to a public channel, the AWS chat sample offers a "join" action,
  # and a user report says joining a private channel fails; but the guide's role table for non-members
  # denies CreateChannelMembership outright. The sources disagree, so this stays the kit's reading.
  @rule:AUTH-013 @op:CreateChannelMembership @assumption
  Rule: Anyone in the AppInstance may join an unrestricted public channel, but not a private one

    @op:DescribeChannelMembership
    Example: A user joins an unrestricted public channel
      Given Alice has created the public unrestricted channel "book-club"
      When Carol joins "book-club"
      Then the request succeeds
      And Carol belongs to "book-club"

    @op:DescribeChannelMembership
    Example: A user cannot join an unrestricted private channel
      Given Alice has created the private unrestricted channel "diary"
      When Carol joins "diary"
      Then the request fails with ForbiddenException
      And Carol does not belong to "diary"
