package chime.conformance.reports.model;

/**
 * What a verdict rests on. The overview keeps these apart because they carry different weight: a
 * target failing a documented rule does not conform, while a target failing a kit decision only
 * disagrees with the kit's reading of an ambiguous sentence.
 */
public enum Basis {
    DOCUMENTED("Documented rules (S, I)"),
    KIT_DECISION("Kit decisions (A, @assumption)"),
    MODEL_ONLY("Service model only (M, @model)");

    private final String title;

    Basis(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
