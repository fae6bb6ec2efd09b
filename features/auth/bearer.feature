@area:AUTH
Feature: Who makes the request
  Every operation made on behalf of a user names that user: the x-amz-chime-bearer header (ChimeBearer in
  the SDKs) carries the ARN of the AppInstanceUser making the call, and it is mandatory. It must name an
  existing user of the channel's AppInstance. The developer APIs (channel flows, tags and the messaging
  session endpoint) are called by the application itself and take no ChimeBearer.

  @rule:AUTH-001
  Rule: A request on behalf of a user without a ChimeBearer is rejected and changes nothing

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Mallory is banned from "club"
      And Alice has posted "Welcome!" in "club"

    # The documentation names no error for a missing ChimeBearer; a missing required member is a request
    # that does not "match the service's restrictions" (ERR-001): BadRequestException. Whether anything
    # changed is read by Ada, the AppInstanceAdmin: the channel, its members, moderators, bans and
    # messages, and the channels of the AppInstance.
    @op:DescribeChannel @op:ListChannelMemberships @op:ListChannelModerators @op:ListChannelBans
    @op:ListChannelMessages @op:ListChannels
    Scenario Outline: <operation> without a ChimeBearer
      When <operation> is called for "club" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

      @op:CreateChannel
      Examples: CreateChannel
        | operation     |
        | CreateChannel |

      @op:UpdateChannel
      Examples: UpdateChannel
        | operation     |
        | UpdateChannel |

      @op:DescribeChannel
      Examples: DescribeChannel
        | operation       |
        | DescribeChannel |

      @op:DeleteChannel
      Examples: DeleteChannel
        | operation     |
        | DeleteChannel |

      @op:ListChannels
      Examples: ListChannels
        | operation    |
        | ListChannels |

      @op:DescribeChannelMembershipForAppInstanceUser
      Examples: DescribeChannelMembershipForAppInstanceUser
        | operation                                   |
        | DescribeChannelMembershipForAppInstanceUser |

      @op:ListChannelMembershipsForAppInstanceUser
      Examples: ListChannelMembershipsForAppInstanceUser
        | operation                                |
        | ListChannelMembershipsForAppInstanceUser |

      @op:DescribeChannelModeratedByAppInstanceUser
      Examples: DescribeChannelModeratedByAppInstanceUser
        | operation                                 |
        | DescribeChannelModeratedByAppInstanceUser |

      @op:ListChannelsModeratedByAppInstanceUser
      Examples: ListChannelsModeratedByAppInstanceUser
        | operation                              |
        | ListChannelsModeratedByAppInstanceUser |

      @op:CreateChannelMembership
      Examples: CreateChannelMembership
        | operation               |
        | CreateChannelMembership |

      @op:BatchCreateChannelMembership
      Examples: BatchCreateChannelMembership
        | operation                    |
        | BatchCreateChannelMembership |

      @op:DescribeChannelMembership
      Examples: DescribeChannelMembership
        | operation                 |
        | DescribeChannelMembership |

      @op:DeleteChannelMembership
      Examples: DeleteChannelMembership
        | operation               |
        | DeleteChannelMembership |

      @op:ListChannelMemberships
      Examples: ListChannelMemberships
        | operation              |
        | ListChannelMemberships |

      @op:CreateChannelModerator
      Examples: CreateChannelModerator
        | operation              |
        | CreateChannelModerator |

      @op:DescribeChannelModerator
      Examples: DescribeChannelModerator
        | operation                |
        | DescribeChannelModerator |

      @op:DeleteChannelModerator
      Examples: DeleteChannelModerator
        | operation              |
        | DeleteChannelModerator |

      @op:ListChannelModerators
      Examples: ListChannelModerators
        | operation             |
        | ListChannelModerators |

      @op:CreateChannelBan
      Examples: CreateChannelBan
        | operation        |
        | CreateChannelBan |

      @op:DescribeChannelBan
      Examples: DescribeChannelBan
        | operation          |
        | DescribeChannelBan |

      @op:DeleteChannelBan
      Examples: DeleteChannelBan
        | operation        |
        | DeleteChannelBan |

      @op:ListChannelBans
      Examples: ListChannelBans
        | operation       |
        | ListChannelBans |

      @op:SendChannelMessage
      Examples: SendChannelMessage
        | operation          |
        | SendChannelMessage |

      @op:ListChannelMessages
      Examples: ListChannelMessages
        | operation           |
        | ListChannelMessages |

      @op:GetChannelMessage
      Examples: GetChannelMessage
        | operation         |
        | GetChannelMessage |

      @op:UpdateChannelMessage
      Examples: UpdateChannelMessage
        | operation            |
        | UpdateChannelMessage |

      @op:RedactChannelMessage
      Examples: RedactChannelMessage
        | operation            |
        | RedactChannelMessage |

      @op:DeleteChannelMessage
      Examples: DeleteChannelMessage
        | operation            |
        | DeleteChannelMessage |

      @op:GetChannelMessageStatus
      Examples: GetChannelMessageStatus
        | operation               |
        | GetChannelMessageStatus |

      @op:UpdateChannelReadMarker
      Examples: UpdateChannelReadMarker
        | operation               |
        | UpdateChannelReadMarker |

  @rule:AUTH-001
  Rule: Associating a channel flow without a ChimeBearer is rejected and changes nothing

    Background:
      Given Alice has created the public channel "club"
      And the channel flow "filter" runs the pass-through processor

    @op:AssociateChannelFlow @op:DescribeChannel @op:ListChannelMemberships @op:ListChannelModerators
    @op:ListChannelBans @op:ListChannelMessages @op:ListChannels
    Example: AssociateChannelFlow without a ChimeBearer
      When AssociateChannelFlow is called for "club" and the channel flow "filter" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

    @op:DisassociateChannelFlow @op:DescribeChannel @op:ListChannelMemberships @op:ListChannelModerators
    @op:ListChannelBans @op:ListChannelMessages @op:ListChannels
    Example: DisassociateChannelFlow without a ChimeBearer
      Given "club" is associated with the channel flow "filter"
      When DisassociateChannelFlow is called for "club" and the channel flow "filter" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

  # The documentation names no error for a ChimeBearer that names no user. The real service was reported
  # answering 401 UnauthorizedClientException, "An invalid app instance user ARN was supplied for the
  # x-amz-chime-bearer HTTP header" (aws/amazon-chime-sdk-js#1270), and, in another case, 403 Forbidden
  # with "...supplied for the input parameter" (aws/amazon-chime-sdk-js#1148). Both are accepted; the
  # reference answers UnauthorizedClientException, as in the report about the header.
  @rule:AUTH-002
  Rule: The ChimeBearer must be the ARN of an existing AppInstanceUser

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"

    @op:DescribeChannel
    Example: A deleted user cannot describe a channel
      Given Carol's AppInstanceUser has been deleted
      When Carol describes "club"
      Then the request fails with UnauthorizedClientException or ForbiddenException

    @op:SendChannelMessage
    Example: A member whose user has been deleted cannot post
      Given Bob's AppInstanceUser has been deleted
      When Bob posts "Still here?" in "club"
      Then the request fails with UnauthorizedClientException or ForbiddenException

    @op:DescribeChannel
    Example: A well-formed ARN that names no user is refused
      When "club" is described with a ChimeBearer that names no AppInstanceUser
      Then the request fails with UnauthorizedClientException or ForbiddenException

    @op:DescribeChannel
    Example: A ChimeBearer that is not an ARN is rejected
      When "club" is described with the ChimeBearer "bob"
      Then the request fails with BadRequestException

    # ChimeArn: 5 to 1600 characters, matching the ARN pattern of the service model.
    @op:DescribeChannel @model
    Example: A ChimeBearer of 1601 characters is rejected
      When "club" is described with a ChimeBearer of 1601 characters
      Then the request fails with BadRequestException

  @rule:AUTH-003
  Rule: A user of another AppInstance cannot act on its channels, public ones included

    Background:
      Given Alice has created the public unrestricted channel "book-club"
      And Alice has posted "Chapter 3 tonight?" in "book-club"

    @op:DescribeChannel
    Example: A user of another AppInstance cannot describe a public channel
      When Frank describes "book-club"
      Then the request fails with ForbiddenException

    @op:ListChannelMessages
    Example: A user of another AppInstance cannot read a public channel
      When Frank lists the messages in "book-club"
      Then the request fails with ForbiddenException

    @op:CreateChannelMembership
    Example: A user of another AppInstance cannot join a public channel
      When Frank joins "book-club"
      Then the request fails with ForbiddenException

    @op:ListChannels
    Example: A user of another AppInstance cannot list its public channels
      When Frank lists the public channels
      Then the request fails with ForbiddenException

    @op:CreateChannel
    Example: A user of another AppInstance cannot create a channel in this one
      When Frank creates the public channel "intruders" in Alice's AppInstance
      Then the request fails with ForbiddenException

  @rule:AUTH-004
  Rule: The developer APIs for tags and the messaging session endpoint take no ChimeBearer

    Background:
      Given Alice has created the public channel "club"

    Scenario Outline: <operation> needs no ChimeBearer
      When <operation> is called for "club" without a ChimeBearer
      Then the request succeeds

      @op:TagResource
      Examples: TagResource
        | operation   |
        | TagResource |

      @op:UntagResource
      Examples: UntagResource
        | operation     |
        | UntagResource |

      @op:ListTagsForResource
      Examples: ListTagsForResource
        | operation           |
        | ListTagsForResource |

      @op:GetMessagingSessionEndpoint
      Examples: GetMessagingSessionEndpoint
        | operation                   |
        | GetMessagingSessionEndpoint |

  @rule:AUTH-004
  Rule: The developer APIs for channel flows take no ChimeBearer

    Background:
      Given the channel flow "filter" runs the pass-through processor

    Scenario Outline: <operation> needs no ChimeBearer
      When <operation> is called for the channel flow "filter" without a ChimeBearer
      Then the request succeeds

      @op:CreateChannelFlow
      Examples: CreateChannelFlow
        | operation         |
        | CreateChannelFlow |

      @op:UpdateChannelFlow
      Examples: UpdateChannelFlow
        | operation         |
        | UpdateChannelFlow |

      @op:DescribeChannelFlow
      Examples: DescribeChannelFlow
        | operation           |
        | DescribeChannelFlow |

      @op:ListChannelFlows
      Examples: ListChannelFlows
        | operation        |
        | ListChannelFlows |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples: ListChannelsAssociatedWithChannelFlow
        | operation                             |
        | ListChannelsAssociatedWithChannelFlow |

      @op:DeleteChannelFlow
      Examples: DeleteChannelFlow
        | operation         |
        | DeleteChannelFlow |

  @rule:AUTH-004 @requires:processor-inspection @op:ChannelFlowCallback @requires:processor:hold @requires:processor:hold
  Rule: A processor calls back without a ChimeBearer

    Example: ChannelFlowCallback needs no ChimeBearer
      Given Alice has created the public channel "club"
      And "club" goes through a processor that the scenario plays
      And Alice has posted "Chapter 3 tonight?" in "club"
      When the processor passes "Chapter 3 tonight?" unchanged
      Then the request succeeds
