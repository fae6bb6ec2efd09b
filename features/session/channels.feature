@area:SESS @requires:messaging-session
Feature: Channel changes over the messaging session
  Updating or deleting a channel produces a system event (UPDATE_CHANNEL, DELETE_CHANNEL) for its members,
  carrying the channel.

  Background:
    Given Alice has created the public channel "book-club"
    And Bob is a member of "book-club"
    And Bob has a messaging session open

  @rule:SESS-013 @op:GetMessagingSessionEndpoint @op:UpdateChannel
  Rule: Members are told of channel updates and deletion

    Example: A member receives the updated channel
      When Alice updates "book-club" with:
        | name | reading-circle |
      Then the UPDATE_CHANNEL event Bob received for "book-club" names the channel "reading-circle"

    @op:DeleteChannel
    Example: A member is told the channel is deleted
      When Alice deletes "book-club"
      Then Bob receives the DELETE_CHANNEL event for the channel "book-club"
