package dev.kpisql.udfs.survey;

import dev.kpisql.udfs.Check;

/** A survey scale 1..scale_max given per row: validated, and constant within a group. */
final class Scales
{
    private Scales() {}

    static void set(ScaleState state, String function, long scaleMax, long lowest, long highest)
    {
        Check.inRange(function, "scale_max", scaleMax, lowest, highest);
        if (state.getScaleMax() == 0) {
            state.setScaleMax(scaleMax);
        }
        else if (state.getScaleMax() != scaleMax) {
            Check.sameInGroup(function, "scale_max", state.getScaleMax(), scaleMax);
        }
    }

    static void merge(ScaleState state, ScaleState other, String function)
    {
        if (other.getScaleMax() == 0) {
            return;
        }
        if (state.getScaleMax() == 0) {
            state.setScaleMax(other.getScaleMax());
        }
        else if (state.getScaleMax() != other.getScaleMax()) {
            Check.sameInGroup(function, "scale_max", state.getScaleMax(), other.getScaleMax());
        }
    }
}
