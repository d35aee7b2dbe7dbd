package vn.ocop.command.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.ocop.events.support.SupportKind;

/**
 * The support policies a grant must satisfy, as versioned data: each policy has a rule, its parameters, a
 * legal basis and validity dates, and applies to grants whose decision falls in them. The violated policy is
 * named in the refusal.
 */
public final class SupportPolicies {

    /** The rules a policy may apply. */
    public enum Rule {
        /** The beneficiary is neither suspended nor dissolved. */
        ACTIVE_SUBJECT,
        /** The listed kinds need a product of the beneficiary that is in the programme. */
        PRODUCT_IN_PROGRAMME,
        /** The listed kinds are granted once per certificate (recognition) of a product. */
        ONCE_PER_RECOGNITION,
        /** The listed kinds together reach at most {@code maxAmount} per subject per fiscal year. */
        CAP_PER_SUBJECT_PER_YEAR,
        /** At most {@code maxProducts} distinct products of one commune are supported per fiscal year. */
        PRODUCTS_PER_COMMUNE_PER_YEAR
    }

    /** One policy row. Null kinds mean every kind. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policy(String code, Rule rule, List<SupportKind> kinds, Long maxAmount, Integer maxProducts,
                         String legalBasis, LocalDate validFrom, LocalDate validTo) {

        boolean appliesTo(SupportKind kind, LocalDate on) {
            return (kinds == null || kinds.contains(kind))
                    && (validFrom == null || !on.isBefore(validFrom))
                    && (validTo == null || !on.isAfter(validTo));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(List<Policy> policies) {
    }

    /** What a policy needs to know about a grant being made. */
    public interface Grant {
        SupportKind kind();

        long amount();

        int fiscalYear();

        LocalDate decidedOn();

        boolean subjectActive();

        /** The product, if the grant names one: present and in the programme. */
        boolean productInProgramme();

        boolean namesProduct();

        /** The product's certificate in force, or null. */
        String certificateId();

        /** Already granted to the subject for these kinds in the grant's fiscal year (net of releases). */
        long grantedToSubject(Set<SupportKind> kinds);

        /** Whether a grant of these kinds already rests on this certificate. */
        boolean certificateSupported(Set<SupportKind> kinds, String certificateId);

        /** The products of the beneficiary's commune already supported in the grant's fiscal year. */
        Set<String> productsSupportedInCommune();

        String productId();
    }

    public static final String BUNDLED = "/vn/ocop/command/support/support-policies.json";

    private final List<Policy> policies;

    public SupportPolicies(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static SupportPolicies read(InputStream json) {
        ObjectMapper mapper = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        try {
            return new SupportPolicies(mapper.readValue(json, Document.class).policies());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable support policies", e);
        }
    }

    public static SupportPolicies bundled() {
        try (InputStream in = SupportPolicies.class.getResourceAsStream(BUNDLED)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Policy> policies() {
        return policies;
    }

    /** Refuses the grant with the first policy in force that it breaks. */
    public void check(Grant grant) {
        for (Policy policy : policies) {
            if (policy.appliesTo(grant.kind(), grant.decidedOn())) {
                Breach broken = breach(policy, grant);
                if (broken != null) {
                    throw SupportRuleBroken.policy(policy.code(), policy.legalBasis(), broken.en(), broken.vi());
                }
            }
        }
    }

    /** Why a grant breaks a policy, in English and Vietnamese. */
    private record Breach(String en, String vi) {
    }

    /** Why the grant breaks the policy, or null when it does not. */
    private static Breach breach(Policy policy, Grant grant) {
        Set<SupportKind> kinds = policy.kinds() == null ? Set.of(SupportKind.values()) : Set.copyOf(policy.kinds());
        return switch (policy.rule()) {
            case ACTIVE_SUBJECT -> grant.subjectActive() ? null : new Breach("the subject is suspended or dissolved",
                    "chủ thể đang bị đình chỉ hoặc đã giải thể");
            case PRODUCT_IN_PROGRAMME -> grant.namesProduct() && grant.productInProgramme() ? null
                    : new Breach("this kind of support needs a product of the subject that is in the programme",
                            "nội dung hỗ trợ này phải gắn với một sản phẩm của chủ thể đang tham gia Chương trình");
            case ONCE_PER_RECOGNITION -> {
                if (grant.certificateId() == null) {
                    yield new Breach("this kind of support rests on a product's certificate in force",
                            "nội dung hỗ trợ này phải dựa trên giấy chứng nhận còn hiệu lực của sản phẩm");
                }
                yield grant.certificateSupported(kinds, grant.certificateId())
                        ? new Breach("already granted once for this recognition",
                                "đã được hỗ trợ một lần cho lần công nhận này") : null;
            }
            case CAP_PER_SUBJECT_PER_YEAR -> {
                long total = grant.grantedToSubject(kinds) + grant.amount();
                yield total > policy.maxAmount()
                        ? new Breach("the subject would receive " + total + " đồng in " + grant.fiscalYear()
                                + ", above " + policy.maxAmount(),
                                "chủ thể sẽ nhận " + total + " đồng trong năm " + grant.fiscalYear()
                                        + ", vượt mức " + policy.maxAmount() + " đồng") : null;
            }
            case PRODUCTS_PER_COMMUNE_PER_YEAR -> {
                Set<String> supported = grant.productsSupportedInCommune();
                boolean newProduct = grant.productId() == null || !supported.contains(grant.productId());
                yield newProduct && grant.productId() != null && supported.size() >= policy.maxProducts()
                        ? new Breach("the commune already has " + supported.size() + " products supported in "
                                + grant.fiscalYear(),
                                "xã đã có " + supported.size() + " sản phẩm được hỗ trợ trong năm "
                                        + grant.fiscalYear()) : null;
            }
        };
    }
}
