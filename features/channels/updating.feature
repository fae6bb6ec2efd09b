@area:CHAN
Feature: Updating a channel
  UpdateChannel changes a channel's name, mode and metadata. It cannot change the channel's privacy:
  that is fixed when the channel is created. The channel keeps its identity, its creator and its
  creation time, and its last update time moves forward.

  # Who may update a channel is not documented. These scenarios update through Ada, an AppInstanceAdmin,
  # who may perform every moderator action (AUTH-024), so they do not depend on that question.

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

  # The API reference the kit started from marks Name and Mode [REQUIRED] on UpdateChannel; the service
  # model requires neither, and neither do the later boto3 reference and the SDK references built from
  # the model. No source says what the service does with an update that leaves them out: refusing it is
  # the kit's reading, tentative.
  @rule:CHAN-017 @op:UpdateChannel @model @model-divergence @assumption
  Rule: An update must give the channel's name and mode

    Background:
      Given Alice has created the public channel "club"

    Example: An update without a name is rejected
      When Ada updates "club" with:
        | mode | RESTRICTED |
      Then the request fails with BadRequestException

    Example: An update without a mode is rejected
      When Ada updates "club" with:
        | name | reading-club |
      Then the request fails with BadRequestException

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
