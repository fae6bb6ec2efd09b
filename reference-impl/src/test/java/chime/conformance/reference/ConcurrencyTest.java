package chime.conformance.reference;

/** {@link ConcurrencyInvariants} against the reference in process, through its SDK client adapters. */
class ConcurrencyTest extends ConcurrencyInvariants {

    @Override
    protected Fixture open() {
        return new Fixture();
    }

    @Override
    protected int scale() {
        return 8;
    }
}
