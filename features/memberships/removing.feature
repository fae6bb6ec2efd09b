@area:MEMB
Feature: Removing a member and leaving a channel
  DeleteChannelMembership removes a member from a channel. A member may leave a channel; moderators and
  administrators may remove other members. A removed member loses what membership gave: the channel no
  longer lists them, they cannot post, and their own list of channels no longer includes it.

  @rule:MEMB-014 @op:DeleteChannelMembership
  Rule: Removing a member ends the membership

    Background:
      Given Alice has created the private channel "club"
      And Bob is a member of "club"

    @op:DescribeChannelMembership
    Example: The membership is gone
      When Ada removes Bob from "club"
      Then the request succeeds
      And Bob does not belong to "club"

    @op:ListChannelMemberships
    Example: The channel no longer lists the former member
      Given Bob has been removed from "club"
      When Alice lists the members of "club"
      Then the members listed do not include Bob

    @op:SendChannelMessage
    Example: A former member cannot post
      Given Bob has been removed from "club"
      When Bob posts "Am I still here?" in "club"
      Then the request fails with ForbiddenException

    @op:ListChannelMembershipsForAppInstanceUser
    Example: The former member's channels no longer include the channel
      Given Bob has been removed from "club"
      When Bob lists the channels he is a member of
      Then the channels listed do not include "club"

  @rule:AUTH-019 @op:DeleteChannelMembership
  Rule: A member may leave a channel

    @op:DescribeChannelMembership
    Scenario Outline: A member leaves a <kind> channel
      Given Alice has created the <kind> channel "club"
      And Bob is a member of "club"
      When Bob leaves "club"
      Then the request succeeds
      And Bob does not belong to "club"

      Examples:
        | kind                 |
        | public restricted    |
        | public unrestricted  |
        | private restricted   |
        | private unrestricted |

  @rule:AUTH-014 @op:DeleteChannelMembership
  Rule: A moderator may remove other members; a member may not

    @op:DescribeChannelMembership
    Scenario Outline: A moderator removes a member of a <kind> channel
      Given Alice has created the <kind> channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"
      When Max removes Bob from "club"
      Then the request succeeds
      And Bob does not belong to "club"

      Examples:
        | kind                 |
        | public restricted    |
        | private unrestricted |

    @op:DescribeChannelMembership
    Example: A member may not remove another member
      Given Alice has created the public unrestricted channel "club"
      And Bob is a member of "club"
      And Carol is a member of "club"
      When Bob removes Carol from "club"
      Then the request fails with ForbiddenException
      And Carol belongs to "club"
