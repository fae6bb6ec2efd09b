package chime.conformance.runner.faults;

import static chime.conformance.runner.faults.Faults.*;

import chime.conformance.contract.ModeledError;
import chime.conformance.runner.api.Members;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.chimesdkmessaging.model.*;

/** Faults in pagination: the rules of area PAGE. */
final class PagingFaults {

    private PagingFaults() {
    }

    static List<Fault> all() {
        return List.of(
                fault("page-boundary-drops-item", "PAGE-003",
                        "every page followed by another loses its last item: the next page starts one item too far",
                        ctx -> (q, chain) -> {
                            SdkResponse r = chain.proceed(q);
                            if (!Members.has(q, "NextToken") || Members.get(r, "NextToken") == null) {
                                return r;
                            }
                            List<?> list = Members.items(r);
                            return list.isEmpty() ? r : Members.with(r, Members.itemsMember(r), List.copyOf(list.subList(0, list.size() - 1)));
                        }),
                fault("page-size-ignored", "PAGE-001",
                        "MaxResults is ignored: every page holds up to the default of 50 items",
                        ctx -> (q, chain) -> chain.proceed(Members.has(q, "MaxResults") && Members.get(q, "MaxResults") != null
                                ? Members.with(q, "MaxResults", null) : q)),
                fault("page-size-clamped", "PAGE-001",
                        "a MaxResults outside 1 to 50 is silently clamped instead of rejected",
                        ctx -> (q, chain) -> {
                            Object max = Members.has(q, "MaxResults") ? Members.get(q, "MaxResults") : null;
                            if (max instanceof Integer n && (n < 1 || n > 50)) {
                                return chain.proceed(Members.with(q, "MaxResults", Math.max(1, Math.min(50, n))));
                            }
                            return chain.proceed(q);
                        }),
                fault("forged-token-restarts-list", "PAGE-005",
                        "a NextToken the service never issued starts the list from the beginning instead of being rejected",
                        ctx -> Interceptor.onError(SdkRequest.class, ModeledError.BAD_REQUEST, q -> Members.get(q, "NextToken") != null,
                                (q, chain) -> chain.proceed(Members.with(q, "NextToken", null)))),
                fault("last-page-has-token", "PAGE-002",
                        "the last page of a list carries a NextToken that leads to an empty page",
                        ctx -> {
                            Set<String> issued = ConcurrentHashMap.newKeySet();
                            return (q, chain) -> {
                                if (!Members.has(q, "NextToken")) {
                                    return chain.proceed(q);
                                }
                                String token = Members.text(q, "NextToken");
                                if (token != null && issued.contains(token)) {
                                    SdkResponse last = chain.proceed(Members.with(q, "NextToken", null));
                                    return Members.with(Members.with(last, Members.itemsMember(last), List.of()), "NextToken", null);
                                }
                                SdkResponse r = chain.proceed(q);
                                if (Members.get(r, "NextToken") == null) {
                                    if (!Members.items(r).isEmpty()) {
                                        String fake = "end" + UUID.randomUUID().toString().replace("-", "");
                                        issued.add(fake);
                                        return Members.with(r, "NextToken", fake);
                                    }
                                }
                                return r;
                            };
                        }),
                fault("paging-forgets-sort-order", "PAGE-004",
                        "pages after the first of ListChannelMessages come in the default order, whatever SortOrder says",
                        ctx -> Interceptor.on(ListChannelMessagesRequest.class, (q, chain) -> {
                            if (q.nextToken() == null || q.sortOrder() != SortOrder.ASCENDING) {
                                return chain.proceed(q);
                            }
                            ListChannelMessagesResponse r = chain.call(q);
                            List<ChannelMessageSummary> reversed = new ArrayList<>(r.channelMessages());
                            java.util.Collections.reverse(reversed);
                            return r.toBuilder().channelMessages(reversed).build();
                        })));
    }
}
