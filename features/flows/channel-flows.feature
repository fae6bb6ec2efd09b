@area:FLOW
Feature: Channel flows
  A channel flow is a container for processors: AWS Lambda functions that act on the messages sent to
  the channels the flow is associated with. Flows are managed through developer APIs, which take no
  bearer: "the developer" below is the app's back end calling them. Each target provides processors of
  known behaviour, named after it: the pass-through, deny, rewrite and unreachable processors.
  Unless a step says otherwise, a flow has one processor, which runs first (execution order 1), is
  invoked asynchronously (ASYNC) and falls back to ABORT.

  @rule:FLOW-001 @rule:FLOW-002 @op:CreateChannelFlow @op:DescribeChannelFlow
  Rule: Creating a channel flow stores its name and its processor

    Example: A new flow is described as it was created
      When the developer creates the channel flow "profanity-filter" with the pass-through processor
      Then the ARN of the new channel flow is returned
      And "profanity-filter" is described with its name, the pass-through processor and a creation time

  @rule:FLOW-002 @doc-limit
  Rule: A flow holds a single processor, as the documentation says
    # "At this point, we support only 1 processor within a flow." The service model allows up to three
    # (FLOW-003); targets that follow the model fail these examples.

    # The Developer Guide gives one processor per flow as a quota (more on request) and names no error:
    # CreateChannelFlow models ResourceLimitExceededException as well as BadRequestException.
    @op:CreateChannelFlow @op:ListChannelFlows
    Example: A flow with two processors is refused
      When the developer creates the channel flow "chain" with the pass-through and rewrite processors
      Then the request fails with BadRequestException or ResourceLimitExceededException
      And no channel flow named "chain" is listed

    @op:UpdateChannelFlow @op:DescribeChannelFlow
    Example: A flow cannot be updated to two processors
      Given the channel flow "profanity-filter" runs the pass-through processor
      When the developer updates "profanity-filter" to the pass-through and rewrite processors
      Then the request fails with BadRequestException
      And "profanity-filter" still runs only the pass-through processor

  @rule:FLOW-003 @model
  Rule: Execution orders run from 1 to 3, one per processor
    # The model's ChannelFlowExecutionOrder runs from 1 to 3. The documentation does not say how a
    # repeated execution order is handled: the kit expects it to be refused.

    @op:CreateChannelFlow @op:ListChannelFlows
    Scenario Outline: An execution order of <order> is refused
      When the developer creates the channel flow "out-of-order" with the pass-through processor in execution order <order>
      Then the request fails with BadRequestException
      And no channel flow named "out-of-order" is listed

      Examples:
        | order |
        | 0     |
        | 4     |

    @assumption @op:CreateChannelFlow @op:ListChannelFlows
    Example: Two processors may not share an execution order
      When the developer creates the channel flow "chain" with these processors:
        | order | processor    | fallback |
        | 1     | pass-through | ABORT    |
        | 1     | rewrite      | ABORT    |
      Then the request fails with BadRequestException
      And no channel flow named "chain" is listed

  @rule:FLOW-004
  Rule: A processor is a Lambda function invoked asynchronously, with every setting given

    @op:CreateChannelFlow @op:ListChannelFlows
    Example: Only the ASYNC invocation type is accepted
      When the developer creates the channel flow "sync-filter" with the pass-through processor invoked "SYNC"
      Then the request fails with BadRequestException
      And no channel flow named "sync-filter" is listed

    @op:UpdateChannelFlow @op:DescribeChannelFlow
    Example: An update cannot switch to another invocation type
      Given the channel flow "profanity-filter" runs the pass-through processor
      When the developer updates "profanity-filter" to the pass-through processor invoked "SYNC"
      Then the request fails with BadRequestException
      And "profanity-filter" still runs only the pass-through processor

    @op:CreateChannelFlow @op:ListChannelFlows
    Example: The processor must be a Lambda function
      When the developer creates the channel flow "not-a-lambda" with a processor that is not a Lambda function
      Then the request fails with BadRequestException
      And no channel flow named "not-a-lambda" is listed

    @op:CreateChannelFlow @op:ListChannelFlows
    Scenario Outline: A processor without its <setting> is refused
      When the developer creates the channel flow "incomplete" with the pass-through processor lacking its <setting>
      Then the request fails with BadRequestException
      And no channel flow named "incomplete" is listed

      Examples:
        | setting         |
        | name            |
        | Lambda function |
        | invocation type |
        | execution order |
        | fallback action |

  @rule:FLOW-010 @op:DeleteChannelFlow
  Rule: A flow can be deleted only once no channel is associated with it

    Background:
      Given Alice has created the public channel "support"
      And Alice has created the public channel "sales"
      And the channel flow "profanity-filter" runs the pass-through processor
      And "support" and "sales" are associated with the channel flow "profanity-filter"

    @rule:ERR-002 @op:DescribeChannelFlow
    Example: A flow in use is not deleted
      When the developer deletes the channel flow "profanity-filter"
      Then the request fails with ConflictException
      And the channel flow "profanity-filter" can still be described

    @rule:ERR-002
    Example: A flow still used by one of its channels is not deleted
      Given "support" has been disassociated from the channel flow "profanity-filter"
      When the developer deletes the channel flow "profanity-filter"
      Then the request fails with ConflictException

    @op:ListChannelFlows
    Example: A flow is deleted once no channel uses it
      Given "support" and "sales" have been disassociated from the channel flow "profanity-filter"
      When the developer deletes the channel flow "profanity-filter"
      Then the request succeeds
      And the channel flow "profanity-filter" is no longer listed

    # A deleted channel is "inaccessible immediately" (CHAN-019): it no longer holds on to its flow.
    @rule:CHAN-019 @op:ListChannelFlows
    Example: A flow whose other channels were deleted is deleted
      Given "support" has been disassociated from the channel flow "profanity-filter"
      And "sales" has been deleted
      When the developer deletes the channel flow "profanity-filter"
      Then the request succeeds
      And the channel flow "profanity-filter" is no longer listed

  @rule:FLOW-011 @op:DeleteChannelFlow
  Rule: Deleting a flow is irreversible

    Background:
      Given the channel flow "profanity-filter" runs the pass-through processor

    @rule:ERR-004 @op:DescribeChannelFlow
    Example: A deleted flow can no longer be described
      # DescribeChannelFlow models no NotFoundException (ERR-004).
      When the developer deletes the channel flow "profanity-filter"
      Then describing the channel flow "profanity-filter" fails with NotFoundException or ForbiddenException

    @op:ListChannelFlows
    Example: A deleted flow is no longer listed
      When the developer deletes the channel flow "profanity-filter"
      Then the channel flow "profanity-filter" is no longer listed

  @rule:FLOW-012 @op:DescribeChannelFlow
  Rule: Describing a flow returns its full details

    Example: The description of a flow
      Given the channel flow "profanity-filter" runs the rewrite processor, falling back to CONTINUE
      When the developer describes the channel flow "profanity-filter"
      Then the description gives the flow's ARN, the name "profanity-filter" and the rewrite processor falling back to CONTINUE
      And the description gives a creation time and a last update time

  @rule:FLOW-013 @op:UpdateChannelFlow
  Rule: Updating a flow replaces its name and its processors

    Background:
      Given the channel flow "profanity-filter" runs the pass-through processor

    @op:DescribeChannelFlow
    Example: The processors are replaced as a whole
      When the developer updates "profanity-filter" to the deny processor under the name "strict-filter"
      Then the response names the same channel flow
      And "profanity-filter" is described with the name "strict-filter" and only the deny processor

    @op:DescribeChannelFlow
    Example: An update advances the last update time
      When the developer updates "profanity-filter" to the deny processor under the name "strict-filter"
      Then the last update time of "profanity-filter" is later than before the update

    @op:DescribeChannelFlow
    Example: An update must give the processors
      When the developer updates "profanity-filter" without processors
      Then the request fails with BadRequestException
      And "profanity-filter" still runs only the pass-through processor

    Example: An update must give the name
      When the developer updates "profanity-filter" without a name
      Then the request fails with BadRequestException

  @rule:FLOW-015 @op:ListChannelFlows
  Rule: Listing the flows of an AppInstance returns its flows and no others

    Example: Flows of the AppInstance are listed with their names and processors
      Given the channel flow "profanity-filter" runs the pass-through processor
      And Frank's AppInstance has the channel flow "elsewhere"
      When the developer lists the channel flows
      Then "profanity-filter" is listed with its name and the pass-through processor
      And "elsewhere" is not among the listed channel flows
