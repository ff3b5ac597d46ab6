package dev.compressweep.workers.data.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A vocabulary with inverse document frequencies, fitted on one set of documents, that turns a document
 * (its term counts) into a TF-IDF vector: {@code (1 + ln tf) * idf} per vocabulary term, scaled to unit
 * L2 norm (a document with no vocabulary term stays all zero). {@code idf = ln((1 + n) / (1 + df)) + 1}
 * for {@code n} fitted documents. Terms are ordered by falling document frequency, ties by text.
 * Immutable and thread-safe.
 */
public final class TfIdfVectorizer {

    private final Map<String, Integer> index;
    private final List<String> terms;
    private final double[] idf;

    private TfIdfVectorizer(List<String> terms, double[] idf) {
        this.terms = List.copyOf(terms);
        this.idf = idf;
        this.index = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            index.put(terms.get(i), i);
        }
    }

    /**
     * Keeps the {@code maxTerms} terms with the highest document frequency among those in at least
     * {@code minDf} of {@code documents}.
     *
     * @throws IllegalArgumentException when {@code maxTerms < 1} or {@code minDf < 1}
     */
    public static TfIdfVectorizer fit(Collection<Map<String, Integer>> documents, int maxTerms, int minDf) {
        if (maxTerms < 1 || minDf < 1) {
            throw new IllegalArgumentException("a vocabulary needs maxTerms >= 1 and minDf >= 1, but got maxTerms="
                    + maxTerms + ", minDf=" + minDf);
        }
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> document : documents) {
            for (String term : document.keySet()) {
                df.merge(term, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minDf) {
                kept.add(e);
            }
        }
        kept.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey));
        int size = Math.min(maxTerms, kept.size());
        List<String> terms = new ArrayList<>(size);
        double[] idf = new double[size];
        for (int i = 0; i < size; i++) {
            terms.add(kept.get(i).getKey());
            idf[i] = Math.log((1.0 + documents.size()) / (1.0 + kept.get(i).getValue())) + 1;
        }
        return new TfIdfVectorizer(terms, idf);
    }

    /**
     * A vectorizer of given terms and their inverse document frequencies, as {@link #vocabulary()} and
     * {@link #idf()} return them (to apply a deployed model's preprocessing).
     *
     * @throws IllegalArgumentException when the lengths differ, a term repeats or an idf is not positive
     */
    public static TfIdfVectorizer of(List<String> terms, double[] idf) {
        if (terms.size() != idf.length || new HashSet<>(terms).size() != terms.size()) {
            throw new IllegalArgumentException("a vocabulary needs distinct terms and one idf each, but got "
                    + terms.size() + " terms and " + idf.length + " idf values");
        }
        for (double value : idf) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("every idf must be a positive number, but got " + value);
            }
        }
        return new TfIdfVectorizer(terms, idf.clone());
    }

    /** The inverse document frequency of each term, in vector order. */
    public double[] idf() {
        return idf.clone();
    }

    /** Number of terms, the length of every vector. */
    public int size() {
        return terms.size();
    }

    /** The terms in vector order. */
    public List<String> vocabulary() {
        return terms;
    }

    /** Whether {@code term} is in the vocabulary. */
    public boolean contains(String term) {
        return index.containsKey(term);
    }

    /** The unit-length TF-IDF vector of a document given by its term counts; unknown terms are ignored. */
    public float[] transform(Map<String, Integer> counts) {
        float[] out = new float[terms.size()];
        transform(counts, out, 0);
        return out;
    }

    /**
     * Writes the vector of {@link #transform(Map)} into {@code out} from {@code offset}, setting only the
     * entries of terms that occur (the others are left as they are: pass a zeroed range).
     */
    public void transform(Map<String, Integer> counts, float[] out, int offset) {
        int[] present = new int[counts.size()];
        double[] weights = new double[counts.size()];
        int k = 0;
        double squares = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer i = index.get(e.getKey());
            if (i != null) {
                present[k] = i;
                weights[k] = (1 + Math.log(e.getValue())) * idf[i];
                squares += weights[k] * weights[k];
                k++;
            }
        }
        double norm = Math.sqrt(squares);
        for (int j = 0; j < k; j++) {
            out[offset + present[j]] = (float) (weights[j] / norm);
        }
    }
}
