package org.baeum.base.mongo;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the embedded server's document maps ({@code databases.<db>.<collection>}): documents are stored
 * as BSON instead of with Java serialisation.
 *
 * <h2>Why</h2>
 * The stock H2 backend stores each document with H2's {@link ObjectDataType}, which does not know mongo-java-server's
 * {@link Document} and falls back to Java serialisation ({@code ObjectOutputStream}, class descriptors and all). Every
 * commit writes the changed pages again, and a page holds many documents, so each single-document write serialised
 * dozens of documents; every page read from the file deserialised them. In the enrolment rush that was about a seventh
 * of all the CPU of the portal (JFR, docs/performance.md, "Enrolment rush"). BSON is the format these documents arrive
 * and leave in anyway, and mongo-java-server's own encoder and decoder are the ones that answer every query.
 *
 * <h2>Format and compatibility</h2>
 * A document is written as one tag byte {@value #TAG_BSON} (a tag that {@link ObjectDataType} never writes), the BSON
 * length as a variable-length int, then the BSON bytes. Every other value (and reading anything with another tag) is
 * {@link ObjectDataType}'s own code, so files written before this type existed (documents Java-serialised, tag 19)
 * are read as they are, and their pages are rewritten as BSON as they change. A file written with this type is not
 * readable by the stock H2 backend any more.
 *
 * <p>The round trip keeps what the server keeps: field order, integer widths (int32, int64), doubles, decimals,
 * dates (as {@link java.time.Instant}), object ids, binary and UUIDs, nested documents and arrays, exactly as a
 * client would get them back in a reply.
 */
final class DocumentValueType extends ObjectDataType {

    /** Unused by {@link ObjectDataType} (its tags are 0-19, 32-49 and 64-119). */
    static final int TAG_BSON = 120;

    /** The page cache counts a document as this many bytes per byte of BSON (the decoded maps are larger). */
    private static final int MEMORY_PER_BSON_BYTE = 4;

    private volatile int averageMemory = 2_000;

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageMemory : super.getMemory(obj);
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (!(obj instanceof Document document)) {
            super.write(buff, obj);
            return;
        }
        ByteBuf bson = Unpooled.buffer(512);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            averageMemory = (int) ((length * (long) MEMORY_PER_BSON_BYTE + 15L * averageMemory) / 16);
            buff.put((byte) TAG_BSON).putVarInt(length);
            buff.put(bson.nioBuffer());
        } finally {
            bson.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != TAG_BSON) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        byte[] bytes = new byte[length];
        buff.get(bytes);
        ByteBuf bson = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(bson);
        } finally {
            bson.release();
        }
    }
}
