@area:SIZE @model
Feature: Length of a callback ID
  A channel flow processor answers a message with the callback ID it was given. The service model
  makes a callback ID 32 to 64 characters long; an ID of another length is refused before anything
  else is looked at.

  @rule:SIZE-010 @op:ChannelFlowCallback
  Rule: A callback ID holds 32 to 64 characters

    Background:
      Given Alice has created the public channel "lobby"
      And Alice has posted "hello" in "lobby"

    Scenario Outline: A callback ID of <length> characters is rejected
      When a processor calls back for "hello" in "lobby" with a callback ID of <length> characters
      Then the request fails with BadRequestException

      Examples:
        | length |
        | 31     |
        | 65     |
