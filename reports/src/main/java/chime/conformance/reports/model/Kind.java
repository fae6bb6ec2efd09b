package chime.conformance.reports.model;

/** Where a rule comes from (the conventions of the rule catalogue). */
public enum Kind {
    /** The documentation states the rule. */
    S("stated by the documentation", Basis.DOCUMENTED),
    /** The documentation clearly implies the rule. */
    I("implied by the documentation", Basis.DOCUMENTED),
    /** The documentation is ambiguous; the expectation is the kit's decision. */
    A("ambiguous: kit decision", Basis.KIT_DECISION),
    /** The rule comes only from the service model. */
    M("from the service model only", Basis.MODEL_ONLY);

    private final String description;
    private final Basis basis;

    Kind(String description, Basis basis) {
        this.description = description;
        this.basis = basis;
    }

    public String description() {
        return description;
    }

    public Basis basis() {
        return basis;
    }
}
