package dev.kpisql.udfs.revenue;

/**
 * Compensated sums of the MRR movements of a group (start MRR = Σprevious over previous > 0;
 * new, expansion, contraction and churned MRR) and its number of rows. All zero is the empty group.
 */
public interface MrrMovementState
{
    double getStartMrr();

    void setStartMrr(double value);

    double getStartMrrError();

    void setStartMrrError(double value);

    double getNewMrr();

    void setNewMrr(double value);

    double getNewMrrError();

    void setNewMrrError(double value);

    double getExpansionMrr();

    void setExpansionMrr(double value);

    double getExpansionMrrError();

    void setExpansionMrrError(double value);

    double getContractionMrr();

    void setContractionMrr(double value);

    double getContractionMrrError();

    void setContractionMrrError(double value);

    double getChurnedMrr();

    void setChurnedMrr(double value);

    double getChurnedMrrError();

    void setChurnedMrrError(double value);

    long getRows();

    void setRows(long value);
}
