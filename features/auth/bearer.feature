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
    # that does not "match the service's restrictions" (ERR-001): BadRequestException.
    Scenario Outline: <operation> without a ChimeBearer
      When <operation> is called for "club" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

      @op:CreateChannel @op:UpdateChannel @op:DescribeChannel @op:DeleteChannel @op:ListChannels
      Examples: channels
        | operation       |
        | CreateChannel   |
        | UpdateChannel   |
        | DescribeChannel |
        | DeleteChannel   |
        | ListChannels    |

      @op:DescribeChannelMembershipForAppInstanceUser @op:ListChannelMembershipsForAppInstanceUser
      @op:DescribeChannelModeratedByAppInstanceUser @op:ListChannelsModeratedByAppInstanceUser
      Examples: a user's channels
        | operation                                   |
        | DescribeChannelMembershipForAppInstanceUser |
        | ListChannelMembershipsForAppInstanceUser    |
        | DescribeChannelModeratedByAppInstanceUser   |
        | ListChannelsModeratedByAppInstanceUser      |

      @op:CreateChannelMembership @op:BatchCreateChannelMembership @op:DescribeChannelMembership
      @op:DeleteChannelMembership @op:ListChannelMemberships
      Examples: memberships
        | operation                    |
        | CreateChannelMembership      |
        | BatchCreateChannelMembership |
        | DescribeChannelMembership    |
        | DeleteChannelMembership      |
        | ListChannelMemberships       |

      @op:CreateChannelModerator @op:DescribeChannelModerator @op:DeleteChannelModerator
      @op:ListChannelModerators
      Examples: moderators
        | operation                |
        | CreateChannelModerator   |
        | DescribeChannelModerator |
        | DeleteChannelModerator   |
        | ListChannelModerators    |

      @op:CreateChannelBan @op:DescribeChannelBan @op:DeleteChannelBan @op:ListChannelBans
      Examples: bans
        | operation          |
        | CreateChannelBan   |
        | DescribeChannelBan |
        | DeleteChannelBan   |
        | ListChannelBans    |

      @op:SendChannelMessage @op:ListChannelMessages @op:GetChannelMessage @op:UpdateChannelMessage
      @op:RedactChannelMessage @op:DeleteChannelMessage @op:GetChannelMessageStatus
      @op:UpdateChannelReadMarker
      Examples: messages
        | operation               |
        | SendChannelMessage      |
        | ListChannelMessages     |
        | GetChannelMessage       |
        | UpdateChannelMessage    |
        | RedactChannelMessage    |
        | DeleteChannelMessage    |
        | GetChannelMessageStatus |
        | UpdateChannelReadMarker |

  @rule:AUTH-001 @requires:flow-processors
  Rule: Associating a channel flow without a ChimeBearer is rejected and changes nothing

    Background:
      Given Alice has created the public channel "club"
      And a developer has created the channel flow "filter"

    @op:AssociateChannelFlow
    Example: AssociateChannelFlow without a ChimeBearer
      When AssociateChannelFlow is called for "club" and the channel flow "filter" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

    @op:DisassociateChannelFlow
    Example: DisassociateChannelFlow without a ChimeBearer
      Given the channel flow "filter" has been associated with "club"
      When DisassociateChannelFlow is called for "club" and the channel flow "filter" without a ChimeBearer
      Then the request fails with BadRequestException
      And "club" is as it was before the request

  # The documentation names no error for a ChimeBearer that names no user. The kit expects
  # ForbiddenException, which is what the real service answers to an unknown AppInstanceUser ARN.
  @rule:AUTH-002
  Rule: The ChimeBearer must be the ARN of an existing AppInstanceUser

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"

    @assumption @op:DescribeChannel
    Example: A deleted user cannot describe a channel
      Given Carol's AppInstanceUser has been deleted
      When Carol describes "club"
      Then the request fails with ForbiddenException

    @assumption @op:SendChannelMessage
    Example: A member whose user has been deleted cannot post
      Given Bob's AppInstanceUser has been deleted
      When Bob posts "Still here?" in "club"
      Then the request fails with ForbiddenException

    @assumption @op:DescribeChannel
    Example: A well-formed ARN that names no user is refused
      When "club" is described with a ChimeBearer that names no AppInstanceUser
      Then the request fails with ForbiddenException

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

      @op:TagResource @op:UntagResource @op:ListTagsForResource
      Examples: tags
        | operation           |
        | TagResource         |
        | UntagResource       |
        | ListTagsForResource |

      @op:GetMessagingSessionEndpoint
      Examples: endpoint
        | operation                   |
        | GetMessagingSessionEndpoint |

  @rule:AUTH-004 @requires:flow-processors
  Rule: The developer APIs for channel flows take no ChimeBearer

    Background:
      Given a developer has created the channel flow "filter"

    Scenario Outline: <operation> needs no ChimeBearer
      When <operation> is called for the channel flow "filter" without a ChimeBearer
      Then the request succeeds

      @op:CreateChannelFlow @op:UpdateChannelFlow @op:DescribeChannelFlow @op:ListChannelFlows
      @op:ListChannelsAssociatedWithChannelFlow @op:DeleteChannelFlow
      Examples:
        | operation                             |
        | CreateChannelFlow                     |
        | UpdateChannelFlow                     |
        | DescribeChannelFlow                   |
        | ListChannelFlows                      |
        | ListChannelsAssociatedWithChannelFlow |
        | DeleteChannelFlow                     |

  @rule:AUTH-004 @requires:flow-processors @requires:processor-inspection @op:ChannelFlowCallback
  Rule: A processor calls back without a ChimeBearer

    Example: ChannelFlowCallback needs no ChimeBearer
      Given Alice has created the public channel "club"
      And the channel flow "inspector", whose processor holds each message until it calls back, has been associated with "club"
      And Alice has posted "Chapter 3 tonight?" in "club"
      When the processor calls back for "Chapter 3 tonight?" in "club" without a ChimeBearer
      Then the request succeeds
