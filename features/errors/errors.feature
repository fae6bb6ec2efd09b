@area:ERR
Feature: Errors
  When the service refuses a request it answers with one of nine modeled exceptions, each with its own
  HTTP status: BadRequestException (400), ConflictException (409), ForbiddenException (403),
  NotFoundException (404), ResourceLimitExceededException (400), ServiceFailureException (500),
  ServiceUnavailableException (503), ThrottledClientException (429) and UnauthorizedClientException
  (401). The documentation lists no exceptions per operation; the service model does, and the kit
  follows it. The last four exceptions come from the service's own condition or from the caller's
  credentials, which no request through the documented API can bring about: the rule registry marks
  their rules untestable. "the developer" below is the app's back end calling the developer APIs, which
  take no bearer.

  Background:
    Given Alice has created the public channel "lobby"

  @rule:ERR-001
  Rule: A request that breaks the service's restrictions is a bad request

    @op:SendChannelMessage
    Example: A value outside its enumeration
      When Alice posts "Hello" in "lobby" with the type "URGENT"
      Then the request fails with BadRequestException

    @op:CreateChannelFlow
    Example: A value that breaks its pattern
      When the developer creates the channel flow "not-a-lambda" with a processor that is not a Lambda function
      Then the request fails with BadRequestException

    @op:TagResource
    Example: A value over its maximum length
      When the developer tags "lobby" with a key of 129 characters
      Then the request fails with BadRequestException

    @op:ListChannelFlows
    Example: A number out of its range
      When the developer lists the channel flows 51 at a time
      Then the request fails with BadRequestException

  @rule:ERR-012 @rule:ERR-001 @model
  Rule: Leaving out a member the documentation marks [REQUIRED] is a bad request
    # The documentation and the model agree on every required member but two (UpdateChannel's Name and
    # Mode, CHAN-017). Members in the request's path cannot be left out through an SDK, and an SDK fills
    # in a missing client request token or callback ID itself: neither is listed here.

    Scenario Outline: <operation> without its <member>
      When in "lobby", <caller> calls <operation> without its <member>
      Then the request fails with BadRequestException

      @op:CreateChannel
      Examples:
        | caller | operation     | member         |
        | Alice  | CreateChannel | AppInstanceArn |
        | Alice  | CreateChannel | Name           |

      @op:SendChannelMessage
      Examples:
        | caller | operation          | member      |
        | Alice  | SendChannelMessage | Content     |
        | Alice  | SendChannelMessage | Type        |
        | Alice  | SendChannelMessage | Persistence |

      @op:CreateChannelMembership
      Examples:
        | caller | operation               | member    |
        | Alice  | CreateChannelMembership | MemberArn |
        | Alice  | CreateChannelMembership | Type      |

      @op:BatchCreateChannelMembership
      Examples:
        | caller | operation                    | member     |
        | Alice  | BatchCreateChannelMembership | MemberArns |

      @op:CreateChannelModerator
      Examples:
        | caller | operation              | member              |
        | Alice  | CreateChannelModerator | ChannelModeratorArn |

      @op:CreateChannelBan
      Examples:
        | caller | operation        | member    |
        | Alice  | CreateChannelBan | MemberArn |

      @op:ListChannels
      Examples:
        | caller | operation    | member         |
        | Alice  | ListChannels | AppInstanceArn |

      @op:DescribeChannelMembershipForAppInstanceUser
      Examples:
        | caller | operation                                   | member             |
        | Alice  | DescribeChannelMembershipForAppInstanceUser | AppInstanceUserArn |

      @op:DescribeChannelModeratedByAppInstanceUser
      Examples:
        | caller | operation                                 | member             |
        | Alice  | DescribeChannelModeratedByAppInstanceUser | AppInstanceUserArn |

      @op:AssociateChannelFlow
      Examples:
        | caller | operation            | member         |
        | Alice  | AssociateChannelFlow | ChannelFlowArn |

      @op:CreateChannelFlow
      Examples:
        | caller        | operation         | member         |
        | the developer | CreateChannelFlow | AppInstanceArn |
        | the developer | CreateChannelFlow | Processors     |
        | the developer | CreateChannelFlow | Name           |

      @op:UpdateChannelFlow
      Examples:
        | caller        | operation         | member     |
        | the developer | UpdateChannelFlow | Name       |
        | the developer | UpdateChannelFlow | Processors |

      @op:ListChannelFlows
      Examples:
        | caller        | operation        | member         |
        | the developer | ListChannelFlows | AppInstanceArn |

      @op:ListChannelsAssociatedWithChannelFlow
      Examples:
        | caller        | operation                             | member         |
        | the developer | ListChannelsAssociatedWithChannelFlow | ChannelFlowArn |

      @op:ChannelFlowCallback
      Examples:
        | caller        | operation           | member         |
        | the developer | ChannelFlowCallback | ChannelMessage |

      @op:TagResource
      Examples:
        | caller        | operation   | member      |
        | the developer | TagResource | ResourceARN |
        | the developer | TagResource | Tags        |

      @op:UntagResource
      Examples:
        | caller        | operation     | member      |
        | the developer | UntagResource | ResourceARN |
        | the developer | UntagResource | TagKeys     |

      @op:ListTagsForResource
      Examples:
        | caller        | operation           | member      |
        | the developer | ListTagsForResource | ResourceARN |

  @rule:ERR-004
  Rule: A resource that does not exist is not found
    # NotFoundException is modeled on only eight operations; on the others the kit accepts
    # NotFoundException or ForbiddenException.

    @op:GetChannelMessage
    Example: A message that does not exist, asked for with an operation that models NotFoundException
      When Alice gets a message of "lobby" that does not exist
      Then the request fails with NotFoundException

    @op:GetChannelMessageStatus
    Example: A message that does not exist, asked for with an operation that does not model it
      When Alice reads the status of a message of "lobby" that does not exist
      Then the request fails with NotFoundException or ForbiddenException

  @rule:ERR-005 @assumption @op:TagResource
  Rule: An exceeded resource limit has the HTTP status 400, like a bad request, and is told apart by its type
    # The limit of 50 tags per resource is the kit's own (TAG-006).

    Example: One tag too many
      Given "lobby" carries 50 tags
      When the developer tags "lobby" with one more tag
      Then the request fails with ResourceLimitExceededException
      And the error carries the HTTP status 400

  @rule:ERR-009 @op:SendChannelMessage
  Rule: An error names its exception, carries a documented error code and explains itself

    Example: The parts of a bad request's error
      When Alice posts "Hello" in "lobby" with the type "URGENT"
      Then the request fails with BadRequestException
      And the error names the exception "BadRequestException", carries a documented error code and a message

  @rule:ERR-010
  Rule: The service answers with the exceptions the model lists for the operation

    @op:SendChannelMessage
    Example: A bad request
      When Alice posts "Hello" in "lobby" with the type "URGENT"
      Then the request fails with BadRequestException, an exception the model lists for that operation

    @op:SendChannelMessage
    Example: A forbidden request
      When Carol posts "Hello?" in "lobby"
      Then the request fails with ForbiddenException, an exception the model lists for that operation

    @op:GetChannelMessage
    Example: A resource not found
      When Alice gets a message of "lobby" that does not exist
      Then the request fails with NotFoundException, an exception the model lists for that operation

    @op:DeleteChannelFlow
    Example: A conflict
      Given the channel flow "profanity-filter" runs the pass-through processor
      And "lobby" is associated with the channel flow "profanity-filter"
      When the developer deletes the channel flow "profanity-filter"
      Then the request fails with ConflictException, an exception the model lists for that operation

    @assumption @op:TagResource
    Example: A resource limit exceeded
      Given "lobby" carries 50 tags
      When the developer tags "lobby" with one more tag
      Then the request fails with ResourceLimitExceededException, an exception the model lists for that operation

  @rule:ERR-011 @op:BatchCreateChannelMembership
  Rule: Each failure of a batch carries one of the documented error codes

    Example: A batch with a user who does not exist
      When Alice adds Carol and a user who does not exist to "lobby" in one batch
      Then the batch lists a failure for the user who does not exist
      And every failure of the batch carries a documented error code and a message
