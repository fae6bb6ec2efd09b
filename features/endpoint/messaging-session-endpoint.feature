@area:ENDP @op:GetMessagingSessionEndpoint
Feature: Messaging session endpoint
  Clients receive messages and status events over a websocket connection; GetMessagingSessionEndpoint
  tells them where to connect. It takes no parameters and no bearer: "the developer" below is the app's
  back end calling it. What travels over the websocket is specified in features/session.

  @rule:ENDP-001
  Rule: The endpoint is given without parameters and without a bearer

    Example: The endpoint has a URL
      When the developer asks for the messaging session endpoint
      Then the request succeeds
      And the endpoint's URL is not empty

  # The Developer Guide says "WebSocket URLs have the following form: {id}.{region}.ws-messaging.chime.aws"
  # (https://docs.aws.amazon.com/chime-sdk/latest/dg/websockets.html), and public client code shows the
  # service returning such a bare host name (node001.ue1.ws-messaging.chime.aws); the Amazon Chime SDK for
  # JavaScript adds "wss://" itself. The API reference calls the member a URL, so an absolute URL naming a
  # host conforms too: the kit accepts either, and nothing weaker.
  @rule:ENDP-002
  Rule: The endpoint is where a websocket connection is established

    Example: A websocket URL can be made from the endpoint
      When the developer asks for the messaging session endpoint
      Then a websocket URL made from the endpoint, as clients make it, names a host

  @rule:ENDP-003
  Rule: The endpoint is a host name, to which clients add the scheme

    Example: The endpoint is a bare host name or a URL that names one
      When the developer asks for the messaging session endpoint
      Then the endpoint's URL is a bare host name, or an absolute URL whose host is one
