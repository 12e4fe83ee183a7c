package dev.switchboard.system;

import dev.switchboard.flow.Flow;
import dev.switchboard.flow.StockFallback;
import dev.switchboard.model.CustomerAnswer;
import dev.switchboard.model.InboundKind;
import dev.switchboard.model.LinkId;
import dev.switchboard.model.WorkFailure;
import dev.switchboard.model.LinkStyle;
import dev.switchboard.model.OrderStatus;
import dev.switchboard.model.Outcome;
import dev.switchboard.model.ReplyKind;
import dev.switchboard.model.ServiceId;
import dev.switchboard.model.Task;
import dev.switchboard.model.WorkerState;
import dev.switchboard.sim.KeyedUniform;
import dev.switchboard.sim.RandomStreams;
import dev.switchboard.sim.Simulator;
import dev.switchboard.trace.TraceEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the four services do with an order, step by step: take it, call, block, reply, publish,
 * queue, cook, dispatch and deliver — and what a timeout, a loss or a crash does to it. Every
 * state change goes out as a trace event.
 */
final class OrderWorkflow {
    private final Simulator sim;
    private final TraceEmitter trace;
    final EnumMap<ServiceId, ServiceNode> services = new EnumMap<>(ServiceId.class);
    final EnumMap<LinkId, LinkNode> links = new EnumMap<>(LinkId.class);
    final AgentPool agents;
    /** Whether an order's item is in stock is the order's: the same on every check and on both sides of a compare. */
    private final KeyedUniform stockRoll;
    private final SplittableRandom tripRandom;
    private final EnumMap<ServiceId, SplittableRandom> poisonRandom = new EnumMap<>(ServiceId.class);
    /** The services, their poison streams and the links again by ordinal: looked up on every step. */
    private static final ServiceId[] SERVICE_IDS = ServiceId.values();
    private final ServiceNode[] serviceByOrdinal = new ServiceNode[SERVICE_IDS.length];
    private final SplittableRandom[] poisonRandomByOrdinal = new SplittableRandom[SERVICE_IDS.length];
    private final LinkNode[] linkByOrdinal = new LinkNode[LinkId.values().length];
    private final SyncCalls calls;
    private final Broker broker;
    final Discovery discovery;
    private long nextOrderId = 1;
    private long placed;
    private long finished;

    OrderWorkflow(Flow flow, Simulator sim, RandomStreams random, TraceEmitter trace) {
        this.sim = sim;
        this.trace = trace;
        for (ServiceId id : ServiceId.values()) {
            services.put(id, new ServiceNode(id, flow.service(id), random));
        }
        for (LinkId id : LinkId.values()) {
            links.put(id, new LinkNode(id, flow.link(id), random));
        }
        agents = new AgentPool(flow.service(ServiceId.DELIVERY).agents());
        stockRoll = random.keyed("stock");
        tripRandom = random.stream("trip");
        for (ServiceId id : ServiceId.values()) {
            poisonRandom.put(id, random.stream("poison:" + id.key()));
        }
        for (ServiceId id : SERVICE_IDS) {
            serviceByOrdinal[id.ordinal()] = services.get(id);
            poisonRandomByOrdinal[id.ordinal()] = poisonRandom.get(id);
        }
        for (LinkId id : LinkId.values()) {
            linkByOrdinal[id.ordinal()] = links.get(id);
        }
        calls = new SyncCalls(sim, trace, this);
        broker = new Broker(sim, trace, this);
        discovery = new Discovery(sim, trace, this, flow.discovery());
    }

    long placedOrders() {
        return placed;
    }

    long finishedOrders() {
        return finished;
    }

    ServiceNode service(ServiceId id) {
        return serviceByOrdinal[id.ordinal()];
    }

    LinkNode link(LinkId id) {
        return linkByOrdinal[id.ordinal()];
    }

    // ---------------------------------------------------------------- orders

    void placeOrder() {
        double now = sim.nowMs();
        Order order = new Order(nextOrderId++, now);
        placed++;
        for (ServiceId id : SERVICE_IDS) {
            double poisonRate = service(id).settings().poisonRate();
            if (poisonRate > 0 && poisonRandomByOrdinal[id.ordinal()].nextDouble() < poisonRate) {
                order.markPoisonFor(id);
            }
        }
        trace.emit(new TraceEvent.OrderPlaced(now, order.id));
        ServiceNode orderService = service(ServiceId.ORDER);
        InstanceNode target = discovery.pick(null, orderService);
        if (target == null) {
            finish(order, Outcome.FAILED, "no instance of the Order Service is registered, so the order was refused");
            return;
        }
        if (discovery.routesVisibly(orderService)) {
            trace.emit(new TraceEvent.Routed(now, ServiceId.ORDER, target.index, order.id, 0, target.running(),
                    orderService.anyRunning()));
        }
        if (!target.running()) {
            finish(order, Outcome.FAILED, orderService.instances.size() > 1
                    ? "Order Service instance " + (target.index + 1) + " is down and refused the order"
                    : "the Order Service is down and refused the order");
            return;
        }
        enqueue(target, new InboundItem(order, InboundKind.NEW_ORDER, null, now, null));
    }

    void setStatus(Order order, OrderStatus status, String reason) {
        if (order.finished() || order.status == status) {
            return;
        }
        if (trace.readsStatusChanges()) {
            trace.emit(new TraceEvent.OrderStatusChanged(sim.nowMs(), order.id, order.status, status, reason));
        } else {
            trace.skip(sim.nowMs());
        }
        order.status = status;
    }

    private void answer(Order order, CustomerAnswer answer) {
        if (order.answered() || order.finished()) {
            return;
        }
        order.markAnswered();
        trace.emit(new TraceEvent.CustomerAnswered(sim.nowMs(), order.id, answer, order.placedAtMs));
    }

    /** Puts the order in its bucket; later work on it (the system may not know) changes nothing. */
    void finish(Order order, Outcome outcome, String reason) {
        if (order.finished()) {
            return;
        }
        if (!order.answered()) {
            answer(order, switch (outcome) {
                case DELIVERED -> CustomerAnswer.ACCEPTED;
                case REJECTED -> CustomerAnswer.REJECTED;
                case FAILED, LOST, DEAD_LETTERED -> CustomerAnswer.FAILED;
            });
        }
        OrderStatus terminal = switch (outcome) {
            case DELIVERED -> OrderStatus.DELIVERED;
            case REJECTED -> OrderStatus.REJECTED;
            case FAILED -> OrderStatus.FAILED;
            case LOST -> OrderStatus.LOST;
            case DEAD_LETTERED -> OrderStatus.DEAD_LETTERED;
        };
        double now = sim.nowMs();
        if (trace.readsStatusChanges()) {
            trace.emit(new TraceEvent.OrderStatusChanged(now, order.id, order.status, terminal, reason));
        } else {
            trace.skip(now);
        }
        order.status = terminal;
        order.outcome = outcome; // finished from now on
        finished++;
        trace.emit(new TraceEvent.OrderFinished(now, order.id, outcome, order.placedAtMs, reason));
    }

    // ---------------------------------------------------------------- inbound lines and workers

    /** A broker message or event joins the line that all of the service's instances consume. */
    void enqueue(ServiceNode service, InboundItem item) {
        item.waiting = true;
        service.durableLine.addLast(item);
        announceArrival(service, item, false);
    }

    /** A new order or a sync request joins one instance's in-memory line. */
    void enqueue(InstanceNode instance, InboundItem item) {
        instance.memoryLine.addLast(item);
        announceArrival(instance.service, item, false);
    }

    /** A redelivered message goes back to the head of its queue. */
    void requeueFirst(ServiceNode service, InboundItem item) {
        item.waiting = true;
        service.durableLine.addFirst(item);
        announceArrival(service, item, true);
    }

    private void announceArrival(ServiceNode service, InboundItem item, boolean atHead) {
        trace.emit(new TraceEvent.InboundArrived(sim.nowMs(), service.id, item.order().id, item.kind(), item.link(),
                service.depth(), item.messageId, atHead));
        dispatch(service);
    }

    /**
     * Gives waiting items to free workers, first come first served, lowest-numbered instance and
     * worker first; an instance takes from its own line and from the service's durable line.
     */
    void dispatch(ServiceNode service) {
        for (int i = 0; i < service.instances.size(); i++) {
            dispatch(service.instances.get(i));
        }
    }

    private void dispatch(InstanceNode instance) {
        if (!instance.running()) {
            return;
        }
        ServiceNode service = instance.service;
        while (instance.hasWaiting()) {
            Worker worker = instance.freeWorker();
            if (worker == null) {
                return;
            }
            InboundItem item = instance.pollNext();
            double now = sim.nowMs();
            trace.emit(new TraceEvent.InboundTaken(now, service.id, worker.index, item.order().id, item.kind(),
                    now - item.arrivedMs(), service.depth(), item.link(), item.messageId));
            worker.item = item;
            worker.setState(WorkerState.BUSY);
            item.order().changeInHand(service.id, +1);
            worker.inHand = true;
            if (item.isDurable()) {
                broker.delivered(item);
                worker.itemTag = item.deliveryTag;
                worker.holding = true;
                item.holders++;
            }
            begin(worker, item);
        }
    }

    private void begin(Worker worker, InboundItem item) {
        ServiceId id = worker.service.id;
        boolean processed = item.order().wasProcessedBy(id);
        // a redelivered message, or a sync request again for an order (a retry, or a caller redoing its work)
        if (item.kind() != InboundKind.NEW_ORDER && (processed || item.order().inHand(id) > 1)) {
            // an idempotent consumer remembers finished orders; one still in another worker's hands it cannot know of
            boolean skip = processed && worker.service.settings().idempotent();
            trace.emit(new TraceEvent.DuplicateDelivery(sim.nowMs(), id, worker.index, item.order().id, skip));
            if (skip) {
                if (item.kind() == InboundKind.REQUEST && id == ServiceId.DELIVERY && item.order().hasDispatchCalls()) {
                    item.order().addDispatchCall(item.call()); // dispatched, waiting for an agent: answered with it
                } else if (item.kind() == InboundKind.REQUEST) {
                    calls.reply(item.call(), ReplyKind.OK); // done already: the caller may go on
                } else {
                    broker.ack(item, worker.itemTag);
                }
                release(worker);
                return;
            }
        }
        switch (id) {
            case ORDER -> calls.call(worker, item.order(), LinkId.ORDER_INVENTORY);
            case INVENTORY -> work(worker, Task.CHECK_STOCK);
            case KITCHEN -> {
                setStatus(item.order(), OrderStatus.PREPARING, "a Kitchen worker started cooking");
                work(worker, Task.COOK);
            }
            case DELIVERY -> work(worker, Task.DISPATCH);
        }
    }

    private void work(Worker worker, Task task) {
        ServiceNode service = worker.service;
        double durationMs = service.sampleWorkMs();
        double now = sim.nowMs();
        long epoch = worker.epoch;
        worker.setState(WorkerState.BUSY);
        trace.emit(new TraceEvent.WorkStarted(now, service.id, worker.index, worker.item.order().id, task, now + durationMs));
        sim.schedule(durationMs, () -> {
            if (worker.epoch != epoch) {
                return; // the service crashed meanwhile; the work was lost then
            }
            // the error draw comes first and always happens, as before: the same seed gives the same run
            boolean error = service.sampleError();
            WorkFailure failure = worker.item.order().isPoisonFor(service.id) ? WorkFailure.POISON
                    : error ? WorkFailure.ERROR_RATE : WorkFailure.NONE;
            boolean ok = failure == WorkFailure.NONE;
            trace.emit(new TraceEvent.WorkFinished(sim.nowMs(), service.id, worker.index, worker.item.order().id, task, ok,
                    failure));
            afterWork(worker, task, ok);
        });
    }

    private void afterWork(Worker worker, Task task, boolean ok) {
        Order order = worker.item.order();
        switch (task) {
            case CHECK_STOCK -> {
                ReplyKind kind = !ok ? ReplyKind.ERROR : outOfStock(order) ? ReplyKind.OUT_OF_STOCK : ReplyKind.OK;
                calls.reply(worker.item.call(), kind);
                release(worker);
            }
            case TAKE_PAYMENT -> {
                if (!ok) {
                    finish(order, Outcome.FAILED, "the payment failed (an error in the Order Service)");
                    release(worker);
                } else {
                    setStatus(order, OrderStatus.PAID, "the payment went through");
                    handToKitchen(worker, order);
                }
            }
            case COOK -> {
                if (!ok) {
                    failItem(worker, order.isPoisonFor(ServiceId.KITCHEN)
                            ? "a poison message: the Kitchen can never prepare this order"
                            : "the Kitchen could not prepare the meal (an error in the Kitchen Service)");
                } else {
                    setStatus(order, OrderStatus.READY, "the meal is ready");
                    handToDelivery(worker, order);
                }
            }
            case DISPATCH -> {
                if (!ok) {
                    failItem(worker, order.isPoisonFor(ServiceId.DELIVERY)
                            ? "a poison message: Delivery can never dispatch this order"
                            : "Delivery could not dispatch the order (an error in the Delivery Service)");
                } else {
                    order.markProcessedBy(ServiceId.DELIVERY);
                    InboundItem item = worker.item;
                    if (item.kind() == InboundKind.REQUEST) {
                        order.addDispatchCall(item.call());
                    } else {
                        broker.ack(item, worker.itemTag);
                    }
                    assignAgent(order);
                    release(worker);
                }
            }
        }
    }

    /**
     * Out of stock when the order's own number is under the rate in force now: a retried check gets
     * the same answer, and raising the rate mid-run turns the lowest-numbered orders away first.
     */
    private boolean outOfStock(Order order) {
        double rate = service(ServiceId.INVENTORY).settings().stockOutRate();
        return rate > 0 && stockRoll.uniform(order.id) < rate;
    }

    /**
     * The worker's item failed: a sync caller hears an error, an acknowledged message goes back to
     * the broker (redelivered or dead-lettered), anything else fails the order.
     */
    private void failItem(Worker worker, String reason) {
        InboundItem item = worker.item;
        if (item.kind() == InboundKind.REQUEST) {
            calls.reply(item.call(), ReplyKind.ERROR);
        } else if (broker.acks(item)) {
            letGo(worker);
            broker.nack(item, worker.itemTag, reason);
        } else {
            finish(item.order(), Outcome.FAILED, reason);
        }
        release(worker);
    }

    /** The worker no longer holds its item (done, given back, or lost in a crash). */
    private static void letGo(Worker worker) {
        if (worker.holding) {
            worker.holding = false;
            worker.item.holders--;
        }
        if (worker.inHand) {
            worker.inHand = false;
            worker.item.order().changeInHand(worker.service.id, -1);
        }
    }

    private void release(Worker worker) {
        ServiceNode service = worker.service;
        if (worker.item != null) {
            letGo(worker);
        }
        worker.item = null;
        worker.exchange = null;
        if (worker.retiring()) {
            worker.instance.detach(worker);
            trace.emit(new TraceEvent.WorkerRetired(sim.nowMs(), service.id, worker.index));
        } else {
            worker.setState(WorkerState.IDLE);
            trace.emit(new TraceEvent.WorkerIdle(sim.nowMs(), service.id, worker.index));
        }
        dispatch(service);
        if (worker.instance.retiring) {
            removeWhenIdle(worker.instance);
        }
    }

    // ---------------------------------------------------------------- hand-offs between services

    private void handToKitchen(Worker worker, Order order) {
        if (link(LinkId.ORDER_KITCHEN).settings().style() == LinkStyle.SYNC) {
            calls.call(worker, order, LinkId.ORDER_KITCHEN);
        } else {
            broker.publish(LinkId.ORDER_KITCHEN, LinkStyle.QUEUE, order);
            answer(order, CustomerAnswer.ACCEPTED);
            release(worker);
        }
    }

    private void handToDelivery(Worker worker, Order order) {
        if (link(LinkId.KITCHEN_DELIVERY).settings().style() == LinkStyle.SYNC) {
            calls.call(worker, order, LinkId.KITCHEN_DELIVERY);
        } else {
            broker.publish(LinkId.KITCHEN_DELIVERY, LinkStyle.EVENT, order);
            kitchenDone(worker);
        }
    }

    /** The Kitchen handed the meal on: a sync caller hears OK now, a queued message is acknowledged. */
    private void kitchenDone(Worker worker) {
        InboundItem item = worker.item;
        // processed only once the meal is handed on: a consumer that skips a duplicate relies on it
        item.order().markProcessedBy(ServiceId.KITCHEN);
        if (item.kind() == InboundKind.REQUEST) {
            calls.reply(item.call(), ReplyKind.OK);
        } else {
            broker.ack(item, worker.itemTag);
        }
        release(worker);
    }

    void requestArrives(Call call) {
        if (!call.target.running()) {
            calls.reply(call, ReplyKind.UNAVAILABLE);
            return;
        }
        enqueue(call.target, new InboundItem(call.order, InboundKind.REQUEST, call.link, sim.nowMs(), call));
    }

    /** The caller goes on after its call: {@code kind} is the last reply, or null after a timeout. */
    void afterCall(Worker worker, Exchange exchange, ReplyKind kind, String reason) {
        Order order = exchange.order;
        boolean ok = kind == ReplyKind.OK;
        switch (exchange.link) {
            case ORDER_INVENTORY -> {
                if (ok) {
                    setStatus(order, OrderStatus.STOCK_CONFIRMED, "Inventory confirmed the items are in stock");
                    work(worker, Task.TAKE_PAYMENT);
                } else if (kind == ReplyKind.OUT_OF_STOCK) {
                    finish(order, Outcome.REJECTED, reason);
                    release(worker);
                } else {
                    stockCheckFailed(worker, order, reason);
                }
            }
            case ORDER_KITCHEN -> {
                if (ok) {
                    answer(order, CustomerAnswer.ACCEPTED);
                } else {
                    finish(order, Outcome.FAILED, reason);
                }
                release(worker);
            }
            case KITCHEN_DELIVERY -> {
                if (ok) {
                    kitchenDone(worker);
                } else {
                    failItem(worker, reason);
                }
            }
        }
    }

    /** Inventory could not answer: the link's fallback decides what happens to the order. */
    private void stockCheckFailed(Worker worker, Order order, String reason) {
        StockFallback fallback = link(LinkId.ORDER_INVENTORY).settings().fallback();
        switch (fallback) {
            case FAIL -> {
                finish(order, Outcome.FAILED, reason);
                release(worker);
            }
            case REJECT -> {
                trace.emit(new TraceEvent.FallbackUsed(sim.nowMs(), order.id, fallback, reason));
                finish(order, Outcome.REJECTED, "the stock check failed (" + reason + "), so the fallback rejected the order");
                release(worker);
            }
            case ACCEPT -> {
                trace.emit(new TraceEvent.FallbackUsed(sim.nowMs(), order.id, fallback, reason));
                setStatus(order, OrderStatus.STOCK_CONFIRMED, "the stock check failed (" + reason
                        + "), so the fallback accepted the order optimistically");
                work(worker, Task.TAKE_PAYMENT);
            }
        }
    }

    // ---------------------------------------------------------------- delivery agents

    private void assignAgent(Order order) {
        int agent = agents.take();
        order.agentWaitSinceMs = sim.nowMs();
        if (agent < 0) {
            agents.waiting.addLast(order);
            trace.emit(new TraceEvent.AgentWaiting(sim.nowMs(), order.id, agents.waiting.size()));
        } else {
            sendOut(order, agent);
        }
    }

    private void sendOut(Order order, int agent) {
        double now = sim.nowMs();
        double tripMs = service(ServiceId.DELIVERY).settings().tripMs().sample(tripRandom);
        // the metrics read every assignment (the wait for an agent), so it is always built
        trace.emit(new TraceEvent.AgentAssigned(now, order.id, agent, now + tripMs, agents.freeCount(),
                now - order.agentWaitSinceMs));
        setStatus(order, OrderStatus.OUT_FOR_DELIVERY, agents.onTheWayReason(agent));
        for (Call call : order.takeDispatchCalls()) {
            calls.reply(call, ReplyKind.OK);
        }
        sim.schedule(tripMs, () -> {
            if (order.finished()) {
                // the order's fate was decided before this trip ended (a failure, the dead-letter queue, an earlier trip)
                trace.emit(new TraceEvent.TripForFinishedOrder(sim.nowMs(), order.id, agent, order.outcome));
            } else {
                finish(order, Outcome.DELIVERED, agents.handedOverReason(agent));
            }
            agents.release(agent);
            if (trace.readsAgentReleases()) {
                trace.emit(new TraceEvent.AgentReleased(sim.nowMs(), agent, agents.freeCount()));
            } else {
                trace.skip(sim.nowMs());
            }
            assignWaiting();
        });
    }

    void assignWaiting() {
        while (!agents.waiting.isEmpty()) {
            int agent = agents.take();
            if (agent < 0) {
                return;
            }
            sendOut(agents.waiting.pollFirst(), agent);
        }
    }

    // ---------------------------------------------------------------- crashes and workers

    /** An instance crashed: the work in its workers' hands and its in-memory line are lost; broker messages wait. */
    void crash(InstanceNode instance) {
        ServiceNode service = instance.service;
        double now = sim.nowMs();
        String who = service.instances.size() > 1
                ? service.id.displayName() + " instance " + (instance.index + 1) : service.id.displayName();
        List<Worker> retired = new ArrayList<>();
        for (Worker worker : instance.workers) {
            InboundItem item = worker.item;
            if (item != null) {
                letGo(worker);
            }
            worker.epoch++;
            worker.setState(WorkerState.DOWN);
            worker.item = null;
            calls.abandon(worker); // a reply that still comes will be discarded
            if (item != null) {
                trace.emit(new TraceEvent.WorkLost(now, service.id, worker.index, item.order().id));
                lose(item, worker.itemTag, who + " crashed while working on it");
            }
            if (worker.retiring()) {
                retired.add(worker);
            }
        }
        for (Worker worker : retired) {
            instance.detach(worker);
            trace.emit(new TraceEvent.WorkerRetired(now, service.id, worker.index));
        }
        while (!instance.memoryLine.isEmpty()) {
            InboundItem item = instance.memoryLine.pollFirst();
            trace.emit(new TraceEvent.InboundDropped(now, service.id, item.order().id, item.kind(),
                    who + " crashed", service.depth(), item.messageId));
            lose(item, item.deliveryTag, who + " crashed while the order waited for a worker");
        }
    }

    /** No instance of the service runs any more: what the service as a whole held in memory is gone. */
    void serviceStopped(ServiceNode service) {
        double now = sim.nowMs();
        broker.dropNonDurable(service);
        if (service.id == ServiceId.DELIVERY) {
            while (!agents.waiting.isEmpty()) {
                Order order = agents.waiting.pollFirst();
                if (order.hasDispatchCalls()) {
                    for (Call call : order.takeDispatchCalls()) {
                        calls.reply(call, ReplyKind.UNAVAILABLE);
                    }
                } else {
                    trace.emit(new TraceEvent.InboundDropped(now, service.id, order.id, InboundKind.EVENT,
                            "Delivery crashed while the order waited for an agent", service.depth()));
                    finish(order, Outcome.LOST, "Delivery crashed before an agent was free");
                }
            }
        }
    }

    private void lose(InboundItem item, int tag, String reason) {
        switch (item.kind()) {
            case NEW_ORDER -> finish(item.order(), Outcome.FAILED, reason);
            case REQUEST -> calls.reply(item.call(), ReplyKind.UNAVAILABLE);
            case QUEUE_MESSAGE, EVENT -> {
                if (broker.acks(item)) {
                    broker.nack(item, tag, reason);
                } else {
                    item.settled = true;
                    finish(item.order(), Outcome.LOST, reason + " (the message was taken without acknowledgement)");
                }
            }
        }
    }

    void recover(InstanceNode instance) {
        for (Worker worker : instance.workers) {
            worker.setState(WorkerState.IDLE);
        }
        dispatch(instance.service);
    }

    /**
     * Changes the number of workers of every instance: extra ones retire when they finish what
     * they hold. Returns the workers added, for the caller to announce once the new settings are out.
     */
    List<Worker> setWorkers(ServiceNode service, int count) {
        double now = sim.nowMs();
        List<Worker> added = new ArrayList<>();
        for (InstanceNode instance : service.instances) {
            int active = instance.activeWorkerCount();
            while (active < count) {
                Worker revived = instance.lowestRetiring();
                if (revived != null) {
                    revived.setRetiring(false);
                } else {
                    added.add(instance.addWorker());
                }
                active++;
            }
            while (active > count) {
                Worker worker = instance.highestActive();
                worker.setRetiring(true);
                if (worker.state() == WorkerState.IDLE || worker.state() == WorkerState.DOWN) {
                    instance.detach(worker);
                    trace.emit(new TraceEvent.WorkerRetired(now, service.id, worker.index));
                }
                active--;
            }
        }
        service.setBase(service.baseSettings().withWorkers(count));
        return added;
    }

    /** Starts more instances, or shuts the highest-numbered ones down gracefully. */
    void setInstances(ServiceNode service, int count, String reason) {
        List<InstanceNode> active = service.activeInstances();
        for (int n = active.size(); n < count; n++) {
            InstanceNode instance = service.addInstance();
            announce(instance, reason);
            discovery.instanceAdded(instance);
            for (Worker worker : instance.workers) {
                if (worker.state() == WorkerState.IDLE) {
                    trace.emit(new TraceEvent.WorkerIdle(sim.nowMs(), service.id, worker.index));
                }
            }
        }
        for (int n = active.size() - 1; n >= count; n--) {
            InstanceNode instance = active.get(n);
            instance.retiring = true;
            discovery.instanceRetiring(instance);
            announce(instance, reason);
            if (instance.isIdle()) {
                // nothing to finish: it goes now, not at a later engine event a paused run would never reach
                remove(instance);
            } else {
                removeWhenIdle(instance);
            }
        }
        service.setBase(service.baseSettings().withInstances(count));
        dispatch(service);
    }

    /** A shutting-down instance goes once it has finished its work; checked after each piece of work. */
    void removeWhenIdle(InstanceNode instance) {
        if (instance.removed || !instance.isIdle()) {
            return;
        }
        sim.schedule(0, () -> {
            if (instance.removed || !instance.isIdle()) {
                return;
            }
            remove(instance);
        });
    }

    private void remove(InstanceNode instance) {
        instance.removed = true;
        ServiceNode service = instance.service;
        for (Worker worker : instance.workers) {
            worker.epoch++;
            trace.emit(new TraceEvent.WorkerRetired(sim.nowMs(), service.id, worker.index));
        }
        instance.detachAll();
        service.instances.remove(instance);
        announce(instance, "the instance has shut down");
    }

    /** The service's settings and status now, with every worker it has and the agents free. */
    TraceEvent.ServiceChanged serviceChanged(ServiceNode service, String reason) {
        List<dev.switchboard.model.WorkerSeat> seats = new ArrayList<>();
        for (InstanceNode instance : service.instances) {
            for (Worker worker : instance.workers) {
                seats.add(new dev.switchboard.model.WorkerSeat(worker.index, instance.index, worker.retiring()));
            }
        }
        seats.sort(java.util.Comparator.comparingInt(dev.switchboard.model.WorkerSeat::worker));
        int freeAgents = service.id == ServiceId.DELIVERY ? agents.freeCount() : service.settings().agents();
        return new TraceEvent.ServiceChanged(sim.nowMs(), service.id, service.settings(), service.isUp(), reason,
                seats, freeAgents);
    }

    /** The link's settings now, with the state of its breaker and bulkhead. */
    static TraceEvent.LinkChanged linkChanged(double nowMs, LinkNode link, String reason) {
        return new TraceEvent.LinkChanged(nowMs, link.id, link.settings(), reason,
                link.breaker.enabled() ? link.breaker.state() : null, link.bulkhead.inUse(), link.bulkhead.waiting.size());
    }

    void announce(InstanceNode instance, String reason) {
        trace.emit(new TraceEvent.InstanceChanged(sim.nowMs(), instance.service.id, instance.index, instance.running(),
                instance.retiring, instance.removed, instance.workerNumbers(), reason));
    }
}
