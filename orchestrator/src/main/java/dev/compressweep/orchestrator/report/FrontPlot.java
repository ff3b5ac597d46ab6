package dev.compressweep.orchestrator.report;

import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.search.sampler.TrialState;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws accuracy against size (log scale) for every complete trial, the front and the teacher, as PNG. */
public final class FrontPlot {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    private FrontPlot() {}

    /** Writes the plot to {@code file} and returns it. */
    public static Path write(SweepSummary summary, Path file) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("trials", summary.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList()));
        data.addSeries(series("Pareto front", summary.front()));
        data.addSeries(series("best", summary.best().stream().toList()));
        data.addSeries(series("teacher", List.of(summary.teacher())));
        JFreeChart chart = ChartFactory.createScatterPlot("Accuracy against size", "size (KB, log scale)",
                "accuracy", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new LogarithmicAxis("size (KB, log scale)"));
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        XYItemRenderer renderer = plot.getRenderer();
        Color[] colours = {Color.LIGHT_GRAY, new Color(31, 119, 180), new Color(214, 39, 40), Color.BLACK};
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the front's plot to " + file, e);
        }
    }

    private static XYSeries series(String name, List<TrialRecord> trials) {
        XYSeries series = new XYSeries(name, false, true);
        trials.stream().filter(t -> t.metrics().containsKey("size_bytes") && t.metrics().containsKey("accuracy"))
                .forEach(t -> series.add(t.metrics().get("size_bytes") / 1024.0, t.metrics().get("accuracy")));
        return series;
    }
}
