@area:CHAN
Feature: Updating a channel
  UpdateChannel changes a channel's name, mode and metadata. It cannot change the channel's privacy:
  that is fixed when the channel is created. The channel keeps its identity, its creator and its
  creation time, and its last update time moves forward.

  # Moderators and AppInstanceAdmins may update a channel; members and other users may not (the
  # Developer Guide's role tables, "Understanding authorization by role"). These scenarios update through
  # Ada, an AppInstanceAdmin, so that they do not depend on who may.

  @rule:CHAN-016 @op:UpdateChannel
  Rule: An update gives the channel the new name, mode and metadata, and keeps what it is

    Background:
      Given Alice has created the public channel "club" with the metadata "meets on Tuesdays"

    @op:DescribeChannel
    Example: The new attributes are described
      When Ada updates "club" with:
        | name     | reading-club       |
        | mode     | RESTRICTED         |
        | metadata | meets on Thursdays |
      Then "club" is described with:
        | name     | reading-club       |
        | mode     | RESTRICTED         |
        | metadata | meets on Thursdays |

    Example: The response names the same channel
      When Ada updates "club" with:
        | name | reading-club |
        | mode | UNRESTRICTED |
      Then the response names the channel "club"

    @op:DescribeChannel
    Example: The creator and the creation time do not change
      When Ada updates "club" with:
        | name | reading-club |
        | mode | RESTRICTED   |
      Then "club" still names Alice as its creator and keeps its creation time

  @rule:CHAN-004 @op:UpdateChannel @op:DescribeChannel
  Rule: A channel's privacy cannot be changed

    Example: Updating a private channel leaves it private
      Given Alice has created the private channel "diary"
      When Ada updates "diary" with:
        | name | open-diary   |
        | mode | UNRESTRICTED |
      Then "diary" is described with:
        | privacy | PRIVATE |

    Example: Updating a public channel leaves it public
      Given Alice has created the public restricted channel "club"
      When Ada updates "club" with:
        | name | club         |
        | mode | UNRESTRICTED |
      Then "club" is described with:
        | privacy | PUBLIC |

  @rule:CHAN-015 @op:UpdateChannel @op:DescribeChannel
  Rule: An update moves the channel's last update time forward

    Example: The last update time is later than before the update
      Given Alice has created the public channel "club"
      When Ada updates "club" with:
        | name | reading-club |
        | mode | UNRESTRICTED |
      Then the last update time of "club" is later than before the update, and not before its creation time

  # The boto3 text the kit started from marks Name and Mode [REQUIRED]; the current API Reference page
  # (https://docs.aws.amazon.com/chime-sdk/latest/APIReference/API_messaging-chime_UpdateChannel.html)
  # marks both "Required: No", as the service model does. The newer source wins: an update may leave
  # either out, and what it leaves out keeps its value.
  @rule:CHAN-017 @op:UpdateChannel @op:DescribeChannel
  Rule: An update may leave out the name or the mode, which then keep their values

    Background:
      Given Alice has created the public restricted channel "club"

    Example: An update without a name keeps the name
      When Ada updates "club" with:
        | mode | UNRESTRICTED |
      Then the request succeeds
      And "club" is described with:
        | name | club         |
        | mode | UNRESTRICTED |

    Example: An update without a mode keeps the mode
      When Ada updates "club" with:
        | name | reading-club |
      Then the request succeeds
      And "club" is described with:
        | name | reading-club |
        | mode | RESTRICTED   |

  @rule:CHAN-018 @op:UpdateChannel @op:CreateChannelMembership
  Rule: After a change of mode, the new mode decides who may add members

    Background:
      Given Alice has created the public unrestricted channel "club"
      And Bob is a member of "club"

    Example: A channel made restricted no longer lets members add members
      Given "club" has been switched to restricted mode
      When Bob adds Carol to "club"
      Then the request fails with ForbiddenException

    @op:DescribeChannelMembership
    Example: A channel made unrestricted again lets members add members
      Given "club" has been switched to restricted mode
      And "club" has been switched to unrestricted mode
      When Bob adds Carol to "club"
      Then the request succeeds
      And Carol belongs to "club"
