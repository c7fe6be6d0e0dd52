package dev.kpisql.udfs.survey;

/**
 * The state of {@code nps} and {@code nps_margin_of_error}: the count of responses in each
 * category. All zero is the empty group. Engines store it as they like (Trino generates
 * primitive storage for this interface); {@link Nps} holds all the logic.
 */
public interface NpsState
{
    long getPromoters();

    void setPromoters(long value);

    long getPassives();

    void setPassives(long value);

    long getDetractors();

    void setDetractors(long value);
}
