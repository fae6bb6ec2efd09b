@area:AUTH
Feature: Who may update and delete a channel
  Moderators and AppInstanceAdmins update and delete a channel. Its members may not, nor may users
  outside it: the Developer Guide's table of permissions by role denies both UpdateChannel and
  DeleteChannel.

  @rule:AUTH-027 @op:UpdateChannel @op:DescribeChannel
  Rule: Only moderators and administrators may update a channel

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"

    Scenario Outline: <who> may not update the channel
      When <actor> updates "club" with:
        | name | taken-over |
        | mode | RESTRICTED |
      Then the request fails with ForbiddenException
      And "club" is described with:
        | name | club         |
        | mode | UNRESTRICTED |

      Examples:
        | who                  | actor |
        | A member             | Bob   |
        | A user outside of it | Carol |

    Example: A moderator updates the channel
      When Max updates "club" with:
        | name | reading-club |
        | mode | RESTRICTED   |
      Then "club" is described with:
        | name | reading-club |
        | mode | RESTRICTED   |

  @rule:AUTH-027 @op:DeleteChannel @op:DescribeChannel
  Rule: Only moderators and administrators may delete a channel

    Background:
      Given Alice has created the public channel "club"
      And Bob is a member of "club"
      And Max is a moderator of "club"

    Scenario Outline: <who> may not delete the channel
      When <actor> deletes "club"
      Then the request fails with ForbiddenException
      And "club" is described with:
        | name | club |

      Examples:
        | who                  | actor |
        | A member             | Bob   |
        | A user outside of it | Carol |

    Example: A moderator deletes the channel
      When Max deletes "club"
      Then the request succeeds
      And the deleted "club" can no longer be described
