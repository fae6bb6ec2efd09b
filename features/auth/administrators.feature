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

    # Each action is checked by its effect, not by its answer alone.
    Scenario Outline: An AppInstanceAdmin <action>
      When Ada <does it>
      Then the request succeeds
      And <it shows>

      @op:CreateChannelMembership @op:DescribeChannelMembership
      Examples: CreateChannelMembership
        | action                                | does it                                 | it shows                                    |
        | adds a member to a restricted channel | adds Carol to "club"                    | Carol belongs to "club" as a DEFAULT member |
        | adds a hidden member                  | adds Carol to "club" as a hidden member | Carol belongs to "club" as a HIDDEN member  |

      @op:DeleteChannelMembership @op:DescribeChannelMembership
      Examples: DeleteChannelMembership
        | action           | does it                 | it shows                      |
        | removes a member | removes Bob from "club" | Bob does not belong to "club" |

      @op:CreateChannelModerator @op:ListChannelModerators
      Examples: CreateChannelModerator
        | action                   | does it                           | it shows                               |
        | makes a user a moderator | makes Carol a moderator of "club" | the moderators of "club" include Carol |

      @op:DeleteChannelModerator @op:ListChannelModerators
      Examples: DeleteChannelModerator
        | action              | does it                                | it shows                                      |
        | removes a moderator | removes Alice as a moderator of "club" | the moderators of "club" do not include Alice |

      @op:CreateChannelBan @op:ListChannelBans
      Examples: CreateChannelBan
        | action      | does it              | it shows                       |
        | bans a user | bans Bob from "club" | the bans of "club" include Bob |

      @op:DeleteChannelBan @op:ListChannelBans
      Examples: DeleteChannelBan
        | action      | does it                            | it shows                                  |
        | lifts a ban | lifts the ban on Mallory in "club" | the bans of "club" do not include Mallory |

      @op:RedactChannelMessage @op:GetChannelMessage
      Examples: RedactChannelMessage
        | action            | does it                                                    | it shows                                                           |
        | redacts a message | redacts the message "Spoiler: the butler did it" in "club" | Alice's message "Spoiler: the butler did it" in "club" is redacted |

      @op:ListChannelMessages
      Examples: ListChannelMessages
        | action                  | does it                      | it shows                                         |
        | reads a private channel | lists the messages in "club" | she sees "Spoiler: the butler did it" from Alice |
