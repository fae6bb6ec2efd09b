@area:AUTH
Feature: Who may look at another user's channels
  The channels a user moderates, and a user's view of a channel through its membership, are for that
  user to read. Only an AppInstanceAdmin may name another user: the Developer Guide's table of
  permissions by role lets members and moderators use only their own ARN.

  @rule:AUTH-029
  Rule: Only an AppInstanceAdmin may name another user

    Background:
      Given Alice has created the public channel "book-club"
      And Bob is a member of "book-club"
      And Max is a moderator of "book-club"

    @op:ListChannelsModeratedByAppInstanceUser
    Example: A member may not list the channels another user moderates
      When Bob lists the channels Max moderates
      Then the request fails with ForbiddenException

    @op:ListChannelsModeratedByAppInstanceUser
    Example: An AppInstanceAdmin lists the channels another user moderates
      When Ada lists the channels Max moderates
      Then the request succeeds
      And exactly "book-club" is listed

    @op:DescribeChannelMembershipForAppInstanceUser
    Example: A moderator may not look at a channel through another user's membership
      When Max describes "book-club" through Bob's membership
      Then the request fails with ForbiddenException

    @op:DescribeChannelMembershipForAppInstanceUser
    Example: An AppInstanceAdmin looks at a channel through another user's membership
      When Ada describes "book-club" through Bob's membership
      Then the channel summary shows:
        | channel         | book-club |
        | membership type | DEFAULT   |
