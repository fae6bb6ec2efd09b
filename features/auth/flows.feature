@area:AUTH
Feature: Who may associate a channel flow with a channel
  A channel flow sends every message of the channels it is associated with through its processors. Only
  administrators and channel moderators may associate a channel flow with a channel, or disassociate it.

  Background:
    Given the channel flow "filter" runs the pass-through processor
    And Alice has created the public channel "club"
    And Bob is a member of "club"
    And Max is a moderator of "club"

  @rule:AUTH-005 @op:AssociateChannelFlow
  Rule: Only administrators and moderators may associate a channel flow

    @op:DescribeChannel
    Scenario Outline: <who> associates a channel flow
      When <actor> associates the channel flow "filter" with "club"
      Then the request succeeds
      And "club" uses the channel flow "filter"

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:DescribeChannel
    Scenario Outline: <who> may not associate a channel flow
      When <actor> associates the channel flow "filter" with "club"
      Then the request fails with ForbiddenException
      And "club" uses no channel flow

      Examples:
        | who                        | actor |
        | A member                   | Bob   |
        | A user outside the channel | Carol |

  @rule:AUTH-006 @op:DisassociateChannelFlow
  Rule: Only administrators and moderators may disassociate a channel flow

    @op:DescribeChannel
    Scenario Outline: <who> disassociates a channel flow
      Given "club" is associated with the channel flow "filter"
      When <actor> disassociates the channel flow "filter" from "club"
      Then the request succeeds
      And "club" uses no channel flow

      Examples: a moderator
        | who         | actor |
        | A moderator | Max   |

      @rule:AUTH-024
      Examples: an AppInstanceAdmin, who is neither a moderator nor a member
        | who                 | actor |
        | An AppInstanceAdmin | Ada   |

    @op:DescribeChannel
    Example: A member may not disassociate a channel flow
      Given "club" is associated with the channel flow "filter"
      When Bob disassociates the channel flow "filter" from "club"
      Then the request fails with ForbiddenException
      And "club" uses the channel flow "filter"
