@area:CHAN
Feature: Creating and describing a channel
  CreateChannel makes a channel in an AppInstance, with a name, a mode (UNRESTRICTED or RESTRICTED), a
  privacy (PUBLIC or PRIVATE) and optional metadata. DescribeChannel returns the full details of a channel:
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

    # The documentation does not say what privacy a channel gets when none is given; PUBLIC is the kit's
    # reading, as the first of the two values the documentation lists.
    @assumption @op:DescribeChannel
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
