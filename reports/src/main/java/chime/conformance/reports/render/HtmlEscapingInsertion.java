package chime.conformance.reports.render;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Escapes every value a template inserts. Escaping is the default, not something a template author
 * has to remember: scenario names, error messages and wire bodies come from the target and from
 * feature files, and any of them may contain markup.
 */
public final class HtmlEscapingInsertion implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value instanceof Html.Markup markup) {
            return markup.html();
        }
        return value == null ? null : Html.escape(value.toString());
    }
}
