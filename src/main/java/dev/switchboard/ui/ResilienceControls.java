package dev.switchboard.ui;

import dev.switchboard.flow.DeliveryPolicy;
import dev.switchboard.flow.LinkSpec;
import dev.switchboard.flow.OverflowPolicy;
import dev.switchboard.flow.ServiceSpec;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.ServiceId;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static dev.switchboard.ui.ControlPanelController.count;
import static dev.switchboard.ui.ControlPanelController.factor;
import static dev.switchboard.ui.ControlPanelController.ms;
import static dev.switchboard.ui.ControlPanelController.percent;
import static dev.switchboard.ui.ControlPanelController.round;

/**
 * Builds the resilience sections of the controls panel: one pane each for retries, circuit
 * breakers, bulkheads and message delivery with a section per link that suits the mechanism now,
 * the stock-check fallback of order->inventory, and a consumer's poison rate and idempotency. Ids follow {@code <setting>Slider-<target>},
 * {@code <setting>Toggle-<target>} and {@code <setting>Button-<target>-<value>}.
 */
final class ResilienceControls {

    private final ControlsViewModel controls;
    private final ResilienceViewModel resilience;

    ResilienceControls(ControlsViewModel controls) {
        this.controls = controls;
        this.resilience = controls.resilience();
    }

    /** The stock-check fallback, in the order->inventory pane. */
    void addFallbackSection(VBox box) {
        box.getChildren().add(fallbackSection().node());
    }

    /** One retries section per link; those of links that are not sync now are hidden. */
    void fillRetriesPane(TitledPane pane, VBox box) {
        fillPerLink(pane, box, List.of(LinkId.values()), this::retrySection, true, "retries",
                spec -> spec.retry().enabled());
    }

    void fillBreakersPane(TitledPane pane, VBox box) {
        fillPerLink(pane, box, List.of(LinkId.values()), this::breakerSection, true, "a circuit breaker",
                spec -> spec.breaker() != null);
    }

    void fillBulkheadsPane(TitledPane pane, VBox box) {
        fillPerLink(pane, box, List.of(LinkId.values()), this::bulkheadSection, true, "a bulkhead",
                spec -> spec.bulkhead() != null);
    }

    /** One delivery section per queue or event link; a link that is sync now has none. */
    void fillDeliveryPane(TitledPane pane, VBox box) {
        fillPerLink(pane, box, List.of(LinkId.ORDER_KITCHEN, LinkId.KITCHEN_DELIVERY), this::deliverySection, false,
                "delivery settings", spec -> spec.delivery().acks());
    }

    /**
     * Adds a section per link to a mechanism's pane, shown while the link's style suits the
     * mechanism ({@code sync} or not), and a note naming the links that do not suit it now.
     */
    private void fillPerLink(TitledPane pane, VBox box, List<LinkId> links,
                             BiFunction<LinkId, String, SettingSection> build, boolean sync, String mechanism,
                             java.util.function.Predicate<LinkSpec> on) {
        String title = pane.getText();
        Map<LinkId, SettingSection> sections = new EnumMap<>(LinkId.class);
        for (LinkId link : links) {
            SettingSection section = build.apply(link, ControlPanelController.idPart(link));
            sections.put(link, section);
            box.getChildren().add(section.node());
        }
        Label note = new Label();
        note.getStyleClass().add(StyleClasses.SECTION_NOTE);
        note.setWrapText(true);
        box.getChildren().add(note);
        Runnable update = () -> {
            List<String> others = new ArrayList<>();
            List<String> onFor = new ArrayList<>();
            for (LinkId link : links) {
                LinkSpec spec = controls.linkProperty(link).get();
                boolean suits = spec == null || (spec.style() == LinkStyle.SYNC) == sync;
                sections.get(link).setShown(suits);
                if (!suits) {
                    others.add(ControlPanelController.title(link) + " (" + spec.style().key() + ")");
                } else if (spec != null && on.test(spec)) {
                    onFor.add(link.key().replace("->", "→"));
                }
            }
            // The pane's title says where the mechanism is on, so a closed pane still tells.
            pane.setText(onFor.isEmpty() ? title : title + " — " + (sync ? "on" : "acks") + ": "
                    + String.join(", ", onFor));
            note.setText(others.isEmpty() ? "" : (sync
                    ? "Not sync now: " + String.join(", ", others) + ". Switch a link to sync above to give it "
                    + mechanism + "."
                    : "Sync now: " + String.join(", ", others) + ". A sync call has no broker, so no " + mechanism + "."));
            note.setVisible(!others.isEmpty());
            note.setManaged(!others.isEmpty());
        };
        for (LinkId link : links) {
            controls.linkProperty(link).addListener((obs, old, spec) -> update.run());
        }
        update.run();
    }

    private SyncResilience shown(LinkId link) {
        return resilience.syncProperty(link).get();
    }

    private SettingSection fallbackSection() {
        ChoiceButtons<StockFallback> fallback = new ChoiceButtons<>("fallbackButton-order-inventory",
                List.of(StockFallback.values()), StockFallback::key,
                () -> shown(LinkId.ORDER_INVENTORY) == null ? StockFallback.FAIL : shown(LinkId.ORDER_INVENTORY).fallback(),
                resilience::setStockFallback);
        SettingSection section = new SettingSection("Stock-check fallback", null,
                "What the Order Service does when Inventory cannot answer a stock check.");
        section.add("If no answer", fallback.node(),
                "fail: the order fails · reject: the customer is told no · accept: go on as if in stock");
        LiveValue.follow(resilience.syncProperty(LinkId.ORDER_INVENTORY), now -> fallback.refresh());
        return section;
    }

    private SettingSection retrySection(LinkId link, String id) {
        OnOffSwitch onOff = new OnOffSwitch("retryToggle-" + id,
                () -> shown(link) != null && shown(link).retryOn(), on -> resilience.setRetryOn(link, on));
        SettingSection section = new SettingSection(ControlPanelController.title(link), onOff,
                "Try a failed call again (timeouts, errors, unavailable), with exponential backoff.");
        Reshow reshow = new Reshow();
        LiveSlider attempts = intSlider("retryAttemptsSlider-" + id, 2, 10,
                v -> reshow.unless(resilience.setRetryAttempts(link, v)));
        LiveSlider delay = new LiveSlider("retryDelaySlider-" + id, 0, 2000, ControlPanelController::ms,
                v -> reshow.unless(resilience.setRetryBaseDelay(link, Math.round(v))));
        LiveSlider multiplier = new LiveSlider("retryMultiplierSlider-" + id, 1, 5, ControlPanelController::factor,
                v -> reshow.unless(resilience.setRetryMultiplier(link, round(v, 0.1))));
        LiveSlider jitter = new LiveSlider("retryJitterSlider-" + id, 0, 1, ControlPanelController::percent,
                v -> reshow.unless(resilience.setRetryJitter(link, round(v, 0.01))));
        section.add(attempts, "Attempts", "Attempts in all, the first one included.");
        section.add(delay, "Base delay", "Wait before the first retry.");
        section.add(multiplier, "Multiplier", "Each further retry waits this many times longer.");
        section.add(jitter, "Jitter", "Each wait varies by up to this much (±), so callers do not retry in step.");
        reshow.set(() -> {
            SyncResilience now = shown(link);
            if (now != null) {
                onOff.refresh();
                section.setRowsDisabled(!now.retryOn());
                attempts.show(now.retry().maxAttempts());
                delay.show(now.retry().baseDelayMs());
                multiplier.show(now.retry().multiplier());
                jitter.show(now.retry().jitter());
            }
        });
        LiveValue.follow(resilience.syncProperty(link), now -> reshow.run());
        section.setRowsDisabled(true);
        return section;
    }

    private SettingSection breakerSection(LinkId link, String id) {
        OnOffSwitch onOff = new OnOffSwitch("breakerToggle-" + id,
                () -> shown(link) != null && shown(link).breakerOn(), on -> resilience.setBreakerOn(link, on));
        SettingSection section = new SettingSection(ControlPanelController.title(link), onOff,
                "Stop calling a failing service for a while: calls are refused at once while the breaker is open.");
        Reshow reshow = new Reshow();
        LiveSlider threshold = new LiveSlider("breakerThresholdSlider-" + id, 0.05, 1, ControlPanelController::percent,
                v -> reshow.unless(resilience.setBreakerThreshold(link, round(v, 0.01))));
        LiveSlider window = intSlider("breakerWindowSlider-" + id, 1, 100,
                v -> reshow.unless(resilience.setBreakerWindow(link, v)));
        LiveSlider minCalls = intSlider("breakerMinCallsSlider-" + id, 1, 100,
                v -> reshow.unless(resilience.setBreakerMinimumCalls(link, v)));
        LiveSlider open = new LiveSlider("breakerOpenSlider-" + id, 100, 20_000, ControlPanelController::ms,
                v -> reshow.unless(resilience.setBreakerOpenMs(link, Math.round(v / 100) * 100.0)));
        LiveSlider halfOpen = intSlider("breakerHalfOpenSlider-" + id, 1, 20,
                v -> reshow.unless(resilience.setBreakerHalfOpenCalls(link, v)));
        section.add(threshold, "Threshold", "Opens when this share of the recent calls failed.");
        section.add(window, "Window", "How many of the latest calls count.");
        section.add(minCalls, "Min calls", "Calls in the window before it may open (at most the window).");
        section.add(open, "Open for", "How long calls are refused before trial calls.");
        section.add(halfOpen, "Trial calls", "Calls let through when half-open; all must succeed to close.");
        reshow.set(() -> {
            SyncResilience now = shown(link);
            if (now != null) {
                onOff.refresh();
                section.setRowsDisabled(!now.breakerOn());
                threshold.show(now.breaker().failureRateThreshold());
                window.show(now.breaker().windowSize());
                minCalls.show(now.breaker().minimumCalls());
                open.show(now.breaker().openMs());
                halfOpen.show(now.breaker().halfOpenCalls());
            }
        });
        LiveValue.follow(resilience.syncProperty(link), now -> reshow.run());
        section.setRowsDisabled(true);
        return section;
    }

    private SettingSection bulkheadSection(LinkId link, String id) {
        OnOffSwitch onOff = new OnOffSwitch("bulkheadToggle-" + id,
                () -> shown(link) != null && shown(link).bulkheadOn(), on -> resilience.setBulkheadOn(link, on));
        SettingSection section = new SettingSection(ControlPanelController.title(link), onOff,
                "At most this many calls on this link at once, so one slow dependency cannot take every worker.");
        Reshow reshow = new Reshow();
        LiveSlider max = intSlider("bulkheadMaxSlider-" + id, 1, 32,
                v -> reshow.unless(resilience.setBulkheadMaxConcurrent(link, v)));
        ChoiceButtons<Boolean> mode = new ChoiceButtons<>("bulkheadModeButton-" + id, List.of(false, true),
                waits -> waits ? "wait" : "reject",
                () -> shown(link) != null && shown(link).bulkhead().waits(),
                waits -> resilience.setBulkheadWaits(link, waits));
        LiveSlider maxWait = new LiveSlider("bulkheadWaitSlider-" + id, 0, 5000, ControlPanelController::ms,
                v -> reshow.unless(resilience.setBulkheadMaxWait(link, Math.round(v))));
        section.add(max, "Max calls", "Calls on this link at the same time.");
        section.add("When full", mode.node(), "reject: refuse a call beyond the limit at once · wait: queue it");
        section.add(maxWait, "Max wait", "How long a waiting call waits for a place before it is refused.");
        reshow.set(() -> {
            SyncResilience now = shown(link);
            if (now != null) {
                onOff.refresh();
                section.setRowsDisabled(!now.bulkheadOn());
                max.show(now.bulkhead().maxConcurrent());
                mode.refresh();
                maxWait.show(now.bulkhead().maxWaitMs());
                maxWait.setDisable(!now.bulkhead().waits());
            }
        });
        LiveValue.follow(resilience.syncProperty(link), now -> reshow.run());
        section.setRowsDisabled(true);
        return section;
    }

    private SettingSection deliverySection(LinkId link, String id) {
        OnOffSwitch acks = new OnOffSwitch("ackToggle-" + id, () -> resilience.delivery(link).acks(),
                on -> resilience.setAcks(link, on));
        SettingSection section = new SettingSection(ControlPanelController.title(link), null,
                "How the broker hands messages to the consumer and what it does when things go wrong.");
        Reshow reshow = new Reshow();
        LiveSlider maxDeliveries = intSlider("maxDeliveriesSlider-" + id, 1, 50,
                v -> reshow.unless(resilience.setMaxDeliveries(link, v)));
        LiveSlider ackTimeout = new LiveSlider("ackTimeoutSlider-" + id, 500, 60_000, ControlPanelController::ms,
                v -> reshow.unless(resilience.setAckTimeout(link, Math.round(v / 100) * 100.0)));
        ChoiceButtons<OverflowPolicy> overflow = new ChoiceButtons<>("overflowButton-" + id,
                List.of(OverflowPolicy.values()), OverflowPolicy::key, () -> resilience.delivery(link).overflow(),
                policy -> resilience.setOverflow(link, policy));
        LiveSlider capacity = new LiveSlider("capacitySlider-" + id, 1, ResilienceViewModel.CAPACITY_SLIDER_MAX,
                v -> ResilienceViewModel.capacityText(ResilienceViewModel.capacityFromSlider(v)),
                v -> reshow.unless(resilience.setCapacity(link, ResilienceViewModel.capacityFromSlider(v))));
        capacity.slider().setBlockIncrement(1);
        LiveSlider ttl = new LiveSlider("ttlSlider-" + id, 0, 60_000, v -> v < 0.5 ? "none" : ms(v),
                v -> reshow.unless(resilience.setMessageTtl(link, Math.round(v / 100) * 100.0)));
        section.add("Acks", acks.button(), "on: the consumer acknowledges a message only when its work is done, "
                + "so a crash or failure puts it back (redelivered)");
        section.add(maxDeliveries, "Deliveries", "Deliveries of one message before it goes to the dead-letter queue.");
        section.add(ackTimeout, "Ack timeout", "An unacknowledged message comes back after this long.");
        section.add(capacity, "Capacity", "Messages the queue holds at most; far right = unlimited.");
        section.add("Overflow", overflow.node(), "reject: a full queue refuses the new message (its order fails) · "
                + "drop-oldest: the oldest waiting message is dropped instead");
        section.add(ttl, "TTL", "A message waiting longer expires to the dead-letter queue (0 = never).");
        OnOffSwitch durable = null;
        if (link == LinkId.KITCHEN_DELIVERY) {
            durable = new OnOffSwitch("durableToggle-" + id, () -> resilience.delivery(link).durable(),
                    on -> resilience.setDurable(link, on));
            section.add("Durable", durable.button(), "on: a subscriber that is down gets its events later · "
                    + "off: it misses them");
        }
        OnOffSwitch durableSwitch = durable;
        reshow.set(() -> {
            LinkSpec spec = controls.linkProperty(link).get();
            if (spec == null) {
                return;
            }
            DeliveryPolicy d = spec.delivery();
            acks.refresh();
            maxDeliveries.show(d.maxDeliveries());
            maxDeliveries.setDisable(!d.acks());
            ackTimeout.show(d.ackTimeoutMs());
            ackTimeout.setDisable(!d.acks());
            overflow.refresh();
            capacity.show(ResilienceViewModel.capacityToSlider(spec.capacity()),
                    ResilienceViewModel.capacityText(spec.capacity()));
            ttl.show(d.messageTtlMs());
            if (durableSwitch != null) {
                durableSwitch.refresh();
            }
        });
        LiveValue.follow(controls.linkProperty(link), now -> reshow.run());
        return section;
    }

    /** Poison rate and idempotent consumer rows for the Kitchen or Delivery service. */
    void addConsumerSection(ServiceId service, VBox box) {
        String id = service.key();
        OnOffSwitch idempotent = new OnOffSwitch("idempotentToggle-" + id,
                () -> spec(service) != null && spec(service).idempotent(), on -> resilience.setIdempotent(service, on));
        SettingSection section = new SettingSection("Consumer", null,
                "How this service copes with bad and repeated messages.");
        LiveSlider poison = new LiveSlider("poisonRateSlider-" + id, 0, 1, ControlPanelController::percent,
                v -> resilience.setPoisonRate(service, round(v, 0.01)));
        section.add(poison, "Poison rate", "Share of new orders this service can never process (poison messages).");
        section.add("Idempotent", idempotent.button(),
                "on: remember processed orders and skip a redelivered duplicate · off: do the work twice");
        LiveValue.follow(controls.serviceProperty(service), spec -> {
            if (spec != null) {
                poison.show(spec.poisonRate());
                idempotent.refresh();
            }
        });
        box.getChildren().add(section.node());
    }

    private ServiceSpec spec(ServiceId service) {
        return controls.serviceProperty(service).get();
    }

    /**
     * Shows a section's values from the run again. A refused change leaves its slider at the
     * refused value, so the section shows the run's values again.
     */
    static final class Reshow {
        private Runnable show = () -> { };

        void set(Runnable showValues) {
            this.show = showValues;
        }

        void run() {
            show.run();
        }

        void unless(boolean applied) {
            if (!applied) {
                show.run();
            }
        }
    }

    /** A slider of whole numbers: it moves in steps of 1 and commits the rounded value. */
    static LiveSlider intSlider(String id, int min, int max, java.util.function.IntConsumer commit) {
        LiveSlider slider = new LiveSlider(id, min, max, v -> count(v), v -> commit.accept((int) Math.round(v)));
        slider.slider().setBlockIncrement(1);
        return slider;
    }
}
