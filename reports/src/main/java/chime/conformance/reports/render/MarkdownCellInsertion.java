package chime.conformance.reports.render;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/** Makes every value a template inserts fit for a Markdown table cell: a pipe escaped, a line break a space. */
public final class MarkdownCellInsertion implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        return value == null ? null : value.toString().replace("|", "\\|").replace("\n", " ");
    }
}
