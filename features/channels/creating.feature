@area:CHAN
Feature: Creating and describing a channel
  CreateChannel makes a channel in an AppInstance, with a name, a mode (UNRESTRICTED or RESTRICTED), a
  privacy (PUBLIC or PRIVATE) and optional metadata. Its creator becomes a member and a moderator of it,
  and may post in it at once. DescribeChannel returns the full details of a channel:
  what it was created with, who created it and when, when it was last updated, and, once there is one,
  when the last message was sent.

  @rule:CHAN-001 @op:CreateChannel @op:DescribeChannel
  Rule: A channel keeps the name, mode, privacy and metadata it was created with

    Example: A private restricted channel with metadata
      When Alice creates a channel with:
        | name     | Book club            |
        | mode     | RESTRICTED           |
        | privacy  | PRIVATE              |
        | metadata | science fiction only |
      Then the request succeeds
      And "Book club" is described with:
        | name     | Book club            |
        | mode     | RESTRICTED           |
        | privacy  | PRIVATE              |
        | metadata | science fiction only |

  @rule:CHAN-002 @op:CreateChannel
  Rule: The mode is UNRESTRICTED or RESTRICTED

    @op:DescribeChannel
    Example: The mode given is the mode described
      When Alice creates a channel with:
        | name    | quiet-room |
        | mode    | RESTRICTED |
        | privacy | PUBLIC     |
      Then "quiet-room" is described with:
        | mode | RESTRICTED |

    @op:ListChannels
    Example: The mode given is the mode listed
      Given Alice has created the public restricted channel "quiet-room"
      When Carol lists the public channels
      Then "quiet-room" is listed with:
        | mode | RESTRICTED |

    Example: Any other mode is rejected
      When Alice creates a channel with:
        | name | quiet-room |
        | mode | OPEN       |
      Then the request fails with BadRequestException

    # The documentation does not say what mode a channel gets when none is given; UNRESTRICTED is the
    # kit's reading, as the first of the two values the documentation lists.
    @assumption @op:DescribeChannel
    Example: Without a mode a channel is unrestricted
      When Alice creates a channel with:
        | name    | lobby  |
        | privacy | PUBLIC |
      Then "lobby" is described with:
        | mode | UNRESTRICTED |

  @rule:CHAN-003 @op:CreateChannel
  Rule: The privacy is PUBLIC or PRIVATE

    @op:DescribeChannel
    Example: The privacy given is the privacy described
      When Alice creates a channel with:
        | name    | diary   |
        | privacy | PRIVATE |
      Then "diary" is described with:
        | privacy | PRIVATE |

    Example: Any other privacy is rejected
      When Alice creates a channel with:
        | name    | diary  |
        | privacy | SECRET |
      Then the request fails with BadRequestException

    # The API reference does not say what privacy a channel gets when none is given. The Developer Guide's
    # back-end walkthrough says "Run the following CLI command to create a public channel" and gives no
    # --privacy (https://docs.aws.amazon.com/chime-sdk/latest/dg/call-from-backend.html): PUBLIC.
    @op:DescribeChannel
    Example: Without a privacy a channel is public
      When Alice creates a channel with:
        | name | lobby        |
        | mode | UNRESTRICTED |
      Then "lobby" is described with:
        | privacy | PUBLIC |

  @rule:CHAN-012 @op:DescribeChannel
  Rule: Describing a channel returns its full details

    Background:
      Given Alice has created the public channel "club" with the metadata "meets on Tuesdays"

    Example: A new channel
      When Carol describes "club"
      Then the description shows:
        | name       | club              |
        | mode       | UNRESTRICTED      |
        | privacy    | PUBLIC            |
        | metadata   | meets on Tuesdays |
        | created by | Alice             |
      And the description carries the channel's creation and last update times

    Example: A new channel has no last message time and no channel flow
      When Carol describes "club"
      Then the description has no last message time
      And the description names no channel flow

    Example: A channel with a message has a last message time
      Given Alice has posted "Welcome!" in "club"
      When Carol describes "club"
      Then the description has a last message time

  @rule:CHAN-013 @rule:MEMB-017 @op:CreateChannel @op:DescribeChannel
  Rule: A channel names the AppInstanceUser who created it

    Example: The creator is the user who made the request
      Given Max has created the public channel "lobby"
      When Carol describes "lobby"
      Then the description names Max, by ARN and name, as its creator

  # The Developer Guide, "Creating elastic channels": "For non-elastic channels, the AppInstanceUser that
  # creates the channel is automatically added to that channel as a member and moderator. For elastic
  # channels, the channel creator is only added as a moderator"
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/create-elastic-channel.html). The guide's back-end
  # walkthrough creates a channel and posts in it with the same bearer and nothing in between
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/call-from-backend.html). The channels here are not
  # elastic. "... and done nothing else": CreateChannel alone, no step adds the creator.
  @rule:CHAN-026
  Rule: The creator of a channel becomes a member and a moderator of it

    @op:CreateChannel @op:ListChannelMemberships
    Example: The creator is listed as the channel's only member
      When Alice creates the public channel "lobby"
      Then the members of "lobby" are exactly Alice

    @op:CreateChannel @op:DescribeChannelMembership
    Example: The creator is a DEFAULT member
      When Alice creates the private channel "diary"
      Then Alice belongs to "diary" as a DEFAULT member

    @op:CreateChannel @op:ListChannelModerators
    Example: The creator is listed as the channel's only moderator
      When Alice creates the public channel "lobby"
      Then the moderators of "lobby" are exactly Alice

    @op:DescribeChannelModerator
    Example: The creator can be described as a moderator
      Given Alice has created the public channel "lobby" and done nothing else
      When Ada describes the moderator Alice of "lobby"
      Then the moderator shows:
        | moderator | Alice |
        | channel   | lobby |

    @op:SendChannelMessage @op:ListChannelMessages
    Example: The creator posts right after creating the channel
      Given Alice has created the public channel "lobby" and done nothing else
      When Alice posts "Welcome!" in "lobby"
      Then the request succeeds
      And the messages of "lobby" include "Welcome!"

    @op:CreateChannelMembership
    Example: The creator of a private restricted channel adds members to it
      Given Alice has created the private restricted channel "diary" and done nothing else
      When Alice adds Bob to "diary"
      Then Bob belongs to "diary"

    @op:ListChannelMembershipsForAppInstanceUser
    Example: The channel is among the channels its creator is a member of
      Given Alice has created the private channel "diary" and done nothing else
      When Alice lists the channels she is a member of
      Then the channels listed include "diary"

    @op:ListChannelsModeratedByAppInstanceUser
    Example: The channel is among the channels its creator moderates
      Given Alice has created the private channel "diary" and done nothing else
      When Alice lists the channels she moderates
      Then the channels listed include "diary"

    @op:DescribeChannelMembershipForAppInstanceUser
    Example: The creator describes the channel through its own membership
      Given Alice has created the private channel "diary" and done nothing else
      When Alice describes "diary" through Alice's membership
      Then the channel summary shows:
        | name            | diary   |
        | membership type | DEFAULT |

    @op:DescribeChannelModeratedByAppInstanceUser
    Example: The creator describes the channel as moderated by itself
      Given Alice has created the private channel "diary" and done nothing else
      When Alice describes "diary" as moderated by Alice
      Then the channel summary shows:
        | name | diary |

    @op:SendChannelMessage @op:ListChannelMessages
    Example: An AppInstanceAdmin who creates a channel posts in it at once
      Given Ada has created the public channel "notices" and done nothing else
      When Ada posts "Maintenance tonight" in "notices"
      Then the request succeeds
      And the messages of "notices" include "Maintenance tonight"

    @op:CreateChannel @op:ListChannelMemberships
    Example: An AppInstanceAdmin who creates a channel is listed as its member
      When Ada creates the public channel "notices"
      Then the members of "notices" are exactly Ada
