@area:CHAN
Feature: Deleting a channel
  DeleteChannel immediately makes a channel and its memberships inaccessible and marks them for
  deletion. Nothing brings the channel back: a channel created afterwards with the same name is a new
  channel.

  # Moderators and AppInstanceAdmins may delete a channel; members and other users may not (the
  # Developer Guide's role tables). These scenarios delete through Ada, an AppInstanceAdmin.

  @rule:CHAN-019 @op:DeleteChannel
  Rule: A deleted channel is inaccessible immediately

    @op:DescribeChannel
    Example: Deleting a channel succeeds
      Given Alice has created the public channel "club"
      When Ada deletes "club"
      Then the request succeeds
      And Ada can no longer describe "club"

    # The model lists no NotFoundException for these operations, so either error conforms (ERR-004).
    Scenario Outline: A member can no longer <use> the deleted channel
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And "club" has been deleted
      When Bob <does something with> "club"
      Then the request fails with NotFoundException or ForbiddenException

      @op:DescribeChannel
      Examples: describe
        | use      | does something with |
        | describe | describes           |

      @op:ListChannelMemberships
      Examples: list the members of
        | use                 | does something with  |
        | list the members of | lists the members of |

      @op:ListChannelMessages
      Examples: list the messages of
        | use                  | does something with   |
        | list the messages of | lists the messages in |

      @op:SendChannelMessage
      Examples: post in
        | use     | does something with |
        | post in | posts "Anyone?" in  |

    @op:ListChannels
    Example: A deleted channel is no longer listed
      Given Alice has created the public channel "club"
      And Alice has created the public channel "annex"
      And "club" has been deleted
      When Carol lists the public channels
      Then exactly "annex" is listed
  @rule:CHAN-020 @op:DeleteChannel @op:CreateChannel
  Rule: Deleting a channel cannot be undone

    Example: A channel created with the name of a deleted one is a new channel
      Given Alice has created the public channel "club"
      And "club" has been deleted
      When Alice creates the public channel "club"
      Then the request succeeds
      And the channel created is not the deleted "club"

    @op:DescribeChannel
    Example: Creating a channel with the same name does not restore the deleted one
      Given Alice has created the public channel "club"
      And "club" has been deleted
      And Alice has created the public channel "club" again
      When Carol describes the deleted "club"
      Then the request fails with NotFoundException or ForbiddenException

  @rule:CHAN-021 @op:DeleteChannel
  Rule: Deleting a channel ends its memberships and moderators at once

    @op:ListChannelMembershipsForAppInstanceUser
    Example: A former member's channels no longer include the deleted channel
      Given Alice has created the private channel "club"
      And Bob is a member of "club"
      And "club" has been deleted
      When Bob lists the channels he is a member of
      Then the channels listed do not include "club"

    @op:ListChannelsModeratedByAppInstanceUser
    Example: A former moderator's channels no longer include the deleted channel
      Given Alice has created the private channel "club"
      And Max is a moderator of "club"
      And "club" has been deleted
      When Max lists the channels he moderates
      Then the channels listed do not include "club"
