@area:AUTH
Feature: AppInstanceAdmins may do what moderators do
  An AppInstanceAdmin may perform every channel moderator action on every channel of its AppInstance,
  without being made a moderator or a member of the channel.

  # The messaging documentation says "administrators or channel moderators" throughout; the identity
  # model states the rule: admins may perform «ChannelModerator actions across all channels in the
  # AppInstance».
  @rule:AUTH-024 @model
  Rule: An AppInstanceAdmin performs moderator actions on a channel it neither moderates nor belongs to

    Background:
      Given Alice has created the private restricted channel "club"
      And Bob is a member of "club"
      And Mallory is banned from "club"
      And Alice has posted "Spoiler: the butler did it" in "club"

    Scenario Outline: An AppInstanceAdmin <action>
      When Ada <does it>
      Then the request succeeds

      @op:CreateChannelMembership
      Examples: CreateChannelMembership
        | action                                | does it                                 |
        | adds a member to a restricted channel | adds Carol to "club"                    |
        | adds a hidden member                  | adds Carol to "club" as a hidden member |

      @op:DeleteChannelMembership
      Examples: DeleteChannelMembership
        | action           | does it                 |
        | removes a member | removes Bob from "club" |

      @op:CreateChannelModerator
      Examples: CreateChannelModerator
        | action                   | does it                           |
        | makes a user a moderator | makes Carol a moderator of "club" |

      @op:DeleteChannelModerator
      Examples: DeleteChannelModerator
        | action              | does it                                |
        | removes a moderator | removes Alice as a moderator of "club" |

      @op:CreateChannelBan
      Examples: CreateChannelBan
        | action      | does it              |
        | bans a user | bans Bob from "club" |

      @op:DeleteChannelBan
      Examples: DeleteChannelBan
        | action      | does it                            |
        | lifts a ban | lifts the ban on Mallory in "club" |

      @op:RedactChannelMessage
      Examples: RedactChannelMessage
        | action            | does it                                                    |
        | redacts a message | redacts the message "Spoiler: the butler did it" in "club" |

      @op:ListChannelMessages
      Examples: ListChannelMessages
        | action                  | does it                      |
        | reads a private channel | lists the messages in "club" |
