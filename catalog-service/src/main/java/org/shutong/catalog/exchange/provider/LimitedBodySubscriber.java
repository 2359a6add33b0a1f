package org.shutong.catalog.exchange.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit, and gives up (cancelling the transfer) as soon
 * as the body grows past it, so a provider cannot make the broker hold an unbounded
 * answer.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final long limit;

	private Flow.Subscription subscription;

	private LimitedBodySubscriber(long limit) {
		this.limit = limit;
	}

	static HttpResponse.BodyHandler<byte[]> handler(long limit) {
		return (info) -> {
			LimitedBodySubscriber subscriber = new LimitedBodySubscriber(limit);
			if (info.headers().firstValueAsLong("Content-Length").orElse(0) > limit) {
				subscriber.body.completeExceptionally(new TooLarge(limit));
			}
			return subscriber;
		};
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.body.isDone()) {
			subscription.cancel();
			return;
		}
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.body.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (this.bytes.size() + (long) buffer.remaining() > this.limit) {
				this.subscription.cancel();
				this.body.completeExceptionally(new TooLarge(this.limit));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			this.bytes.writeBytes(chunk);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.body.completeExceptionally(failure);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.bytes.toByteArray());
	}

	static final class TooLarge extends IOException {

		TooLarge(long limit) {
			super("response larger than " + limit + " bytes");
		}

	}

}
