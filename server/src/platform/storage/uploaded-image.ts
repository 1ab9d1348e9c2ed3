import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiException } from '../errors/api-exception';
import { detectImageType, type ImageType } from './image-type';

export interface UploadedImage {
  data: Buffer;
  type: ImageType;
}

/** Reads the multipart field `file` of the request (any content), enforcing the size cap. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new ApiException('FILE_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, `文件不能超过 ${Math.max(1, Math.round(maxBytes / 1024 / 1024))} MB`);
  if (!request.isMultipart()) {
    throw new ApiException('FILE_MISSING', HttpStatus.BAD_REQUEST, '请以 multipart/form-data 上传字段 file');
  }
  let data: Buffer;
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part || part.fieldname !== 'file') {
      throw new ApiException('FILE_MISSING', HttpStatus.BAD_REQUEST, '缺少上传文件（字段名 file）');
    }
    data = await part.toBuffer();
  } catch (error) {
    if (error instanceof ApiException) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // Limits of @fastify/multipart (too many parts or fields) keep their own answers.
    if (typeof (error as { code?: string }).code === 'string' && (error as { code: string }).code.startsWith('FST_')) throw error;
    // Anything else is the form itself: no boundary, a body cut off before the closing boundary, bad headers.
    throw new ApiException('MULTIPART_INVALID', HttpStatus.BAD_REQUEST, '上传的表单格式不正确或不完整，请重新上传', {
      reason: (error as Error).message,
    });
  }
  if (data.length === 0) throw new ApiException('FILE_MISSING', HttpStatus.BAD_REQUEST, '上传的文件是空的');
  return data;
}

/**
 * Reads the multipart field `file` of the request as an image, checking size and real type.
 * SVG is accepted only where staff upload (it can carry scripts; /uploads/ is served with a strict CSP).
 */
export async function readUploadedImage(
  request: FastifyRequest,
  options: { maxBytes: number; allowSvg: boolean },
): Promise<UploadedImage> {
  const data = await readUploadedFile(request, options.maxBytes);
  const type = detectImageType(data);
  if (!type || (type === 'svg' && !options.allowSvg)) {
    const allowed = options.allowSvg ? 'PNG、JPEG、WebP、GIF、SVG' : 'PNG、JPEG、WebP、GIF';
    throw new ApiException('FILE_TYPE_NOT_ALLOWED', HttpStatus.BAD_REQUEST, `只支持 ${allowed} 图片`);
  }
  return { data, type };
}
