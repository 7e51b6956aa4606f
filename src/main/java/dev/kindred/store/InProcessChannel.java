package dev.kindred.store;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DefaultSocketChannelConfig;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.SocketChannelConfig;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A driver connection to the embedded server without a socket. The bytes the driver writes go through
 * mongo-java-server's own wire pipeline ({@link InProcessServer#accept}) on the writing thread, and
 * the answer is handed to the driver before the write returns. Over loopback TCP each round trip woke
 * the server's thread and then the caller's. Measured on a two-core virtual machine, both clients on
 * one server, alternating: an insert after a 20 ms pause took 0.93 ms over TCP and 0.75 ms in
 * process, a find 0.86 and 0.71 ms; back to back, 0.18 and 0.10 ms, 0.16 and 0.09 ms.
 */
public final class InProcessChannel extends AbstractChannel implements SocketChannel {
    private static final ChannelMetadata METADATA = new ChannelMetadata(false);

    private final SocketChannelConfig config = new NoSocketConfig(this);
    private volatile boolean open = true;
    private volatile @Nullable EmbeddedChannel server;
    private volatile @Nullable InetSocketAddress remote;

    /** Made by the driver's Netty bootstrap, by reflection. */
    public InProcessChannel() {
        super(null);
    }

    @Override
    protected AbstractUnsafe newUnsafe() {
        return new AbstractUnsafe() {
            @Override
            public void connect(
                    SocketAddress remoteAddress, @Nullable SocketAddress localAddress, ChannelPromise promise) {
                if (!promise.setUncancellable() || !ensureOpen(promise)) {
                    return;
                }
                server = ((InProcessServer) eventLoop()).accept();
                remote = (InetSocketAddress) remoteAddress;
                promise.trySuccess();
                pipeline().fireChannelActive();
            }
        };
    }

    /** Hands each message to the server, then everything the server answered to the driver. */
    @Override
    protected void doWrite(ChannelOutboundBuffer outbound) {
        EmbeddedChannel to = connected();
        for (Object message = outbound.current(); message != null; message = outbound.current()) {
            to.writeInbound(((ByteBuf) message).retain());
            outbound.remove();
        }
        boolean answered = false;
        for (ByteBuf answer = to.readOutbound(); answer != null; answer = to.readOutbound()) {
            pipeline().fireChannelRead(answer);
            answered = true;
        }
        if (answered) {
            pipeline().fireChannelReadComplete();
        }
    }

    private EmbeddedChannel connected() {
        EmbeddedChannel to = server;
        if (to == null) {
            throw new IllegalStateException("not connected to the embedded server");
        }
        return to;
    }

    @Override
    protected boolean isCompatible(EventLoop loop) {
        return loop instanceof InProcessServer;
    }

    @Override
    protected void doClose() {
        open = false;
        EmbeddedChannel to = server;
        if (to != null) {
            to.close(); // tells the server the client left, which closes its cursors
        }
    }

    @Override
    protected void doDisconnect() {
        doClose();
    }

    @Override
    protected void doBind(SocketAddress localAddress) {
        throw new UnsupportedOperationException("an in-process connection has no local address to bind");
    }

    @Override
    protected void doBeginRead() {
        // answers arrive during writes; there is nothing to start reading
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isActive() {
        return open && server != null;
    }

    @Override
    public ChannelMetadata metadata() {
        return METADATA;
    }

    @Override
    public SocketChannelConfig config() {
        return config;
    }

    @Override
    public @Nullable ServerSocketChannel parent() {
        return null;
    }

    @Override
    protected @Nullable SocketAddress localAddress0() {
        return remote;
    }

    @Override
    protected @Nullable SocketAddress remoteAddress0() {
        return remote;
    }

    @Override
    public @Nullable InetSocketAddress localAddress() {
        return (InetSocketAddress) super.localAddress();
    }

    @Override
    public @Nullable InetSocketAddress remoteAddress() {
        return (InetSocketAddress) super.remoteAddress();
    }

    @Override
    public boolean isInputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownInput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownInput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isOutputShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdownOutput() {
        return close();
    }

    @Override
    public ChannelFuture shutdownOutput(ChannelPromise promise) {
        return close(promise);
    }

    @Override
    public boolean isShutdown() {
        return !isActive();
    }

    @Override
    public ChannelFuture shutdown() {
        return close();
    }

    @Override
    public ChannelFuture shutdown(ChannelPromise promise) {
        return close(promise);
    }

    /** Netty's socket config, minus the socket: the driver's TCP options have nothing to tune here. */
    private static final class NoSocketConfig extends DefaultSocketChannelConfig {
        private static final Set<ChannelOption<?>> SOCKET_OPTIONS = Set.of(
                ChannelOption.TCP_NODELAY,
                ChannelOption.SO_KEEPALIVE,
                ChannelOption.SO_RCVBUF,
                ChannelOption.SO_SNDBUF);

        NoSocketConfig(SocketChannel channel) {
            super(channel, new Socket()); // never connected, so it never opens a descriptor
        }

        @Override
        public <T> boolean setOption(ChannelOption<T> option, T value) {
            return SOCKET_OPTIONS.contains(option) || super.setOption(option, value);
        }

        @Override
        public SocketChannelConfig setTcpNoDelay(boolean tcpNoDelay) {
            return this; // called by the constructor
        }
    }
}
